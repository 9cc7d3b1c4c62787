package io.newshound.search.alert.delivery;

/**
 * A match read from the match log, with its resumable event id {@code <partition>-<offset>}: an alert's matches all
 * lie in one partition (the log is keyed by alert id), in order, so the offset says what was sent.
 */
public record StreamedMatch(int partition, long offset, AlertMatch match) {

	public String eventId() {
		return this.partition + "-" + this.offset;
	}

	/**
	 * Parses an event id.
	 * @return {@code null} when the text is not one
	 */
	public static long[] parseEventId(String text) {
		if (text == null) {
			return null;
		}
		int dash = text.indexOf('-');
		if (dash <= 0 || dash > 6 || text.length() > 30) {
			return null;
		}
		try {
			long partition = Long.parseLong(text.substring(0, dash));
			long offset = Long.parseLong(text.substring(dash + 1));
			return (partition >= 0 && offset >= 0) ? new long[] { partition, offset } : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
