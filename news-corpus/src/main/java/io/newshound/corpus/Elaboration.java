package io.newshound.corpus;

import java.util.List;
import java.util.Random;

/**
 * The rest of a full-length article: paragraphs of background, context and reaction that follow a story's lead,
 * until the body holds a drawn number of words (300–1,500). It draws from its own {@link Random}, seeded per
 * story, so that full-length corpora hold the same stories, in the same order, as brief ones, and a syndicated
 * copy carries the same paragraphs as its original.
 *
 * <p>It names no company (a paragraph that named Anthropic without Claude would break the relevance landmarks) and
 * none of the {@link Landmark}s' distinctive words.
 */
final class Elaboration {

	static final int MIN_WORDS = 300;

	static final int MAX_WORDS = 1500;

	private static final List<String> ENGLISH = List.of(
			"The announcement comes as companies across %AREA% look for ways to turn pilots into products that customers pay for.",
			"People who have worked with the team describe a culture that ships quickly and revisits decisions often.",
			"Analysts at %INVESTOR% said the market for AI tools in %AREA% could double within %N% years.",
			"Customers have asked for clearer pricing, more predictable performance and better controls over their data.",
			"A spokesperson declined to say how many customers were already using the new features.",
			"Several executives said the cost of computing power remains the largest line in their budgets.",
			"The company said it had hired %N% engineers over the past year, many of them in %PLACE%.",
			"Critics argue that the pace of releases leaves little time for independent testing.",
			"Startups such as %STARTUP% have built businesses on top of these services and watch every change closely.",
			"%STARTUP%, which sells %THING%, said the change would let it cut prices for its own customers.",
			"Regulators in %PLACE% have asked for more information about how such systems are tested before release.",
			"The move follows months of speculation among developers, who had spotted hints in public documentation.",
			"Independent researchers said they would publish their own measurements once they had access.",
			"Investors have poured money into the sector, although some warn that valuations have run ahead of revenue.",
			"Internal documents seen by reporters suggest the plan was discussed as early as last spring.",
			"Universities in %PLACE% said they hoped to use the technology for teaching and research in %AREA%.",
			"Energy use is a growing concern, and several projects now come with their own power purchase contracts.",
			"Engineers said the hardest part was not the model itself but the data pipelines and evaluation around it.",
			"Labour groups asked for a say in how automation is introduced in %AREA%.",
			"The company plans to publish a technical report with details of its evaluation methods.",
			"Partners will get early access over the coming weeks, with a wider release planned for later in the year.",
			"Competition for skilled engineers remains intense, with salaries rising in %PLACE% and elsewhere.",
			"Security teams have started to audit how AI assistants handle confidential documents.",
			"Some customers said they would wait for independent benchmarks before changing suppliers.",
			"The market reacted calmly, and trading in listed rivals was little changed by the afternoon.",
			"Industry veterans compared the moment to the early days of cloud computing, when prices fell every quarter.",
			"A former employee said the roadmap had changed several times as priorities shifted.",
			"Developers on public forums were divided, with some praising the speed and others the lack of documentation.",
			"%INVESTOR% led the most recent funding round in the field, according to public filings.",
			"The firm expects revenue from enterprise contracts to grow by %N% percent this year.",
			"Observers noted that smaller teams are increasingly able to compete on specialised tasks in %AREA%.",
			"Hospitals, banks and public agencies have been among the most cautious buyers.",
			"Documentation for the new tools was published alongside the release, together with usage limits.",
			"The company said feedback from early testers had led to changes in the default settings.",
			"Privacy advocates asked for clear limits on how long user data is kept.",
			"Procurement officials in %PLACE% said they were drafting new rules for buying AI services.",
			"For now, the company said, the focus is on reliability rather than new features.",
			"Several partners said integration work took weeks rather than the days that had been promised.",
			"Teaching staff warned that the tools must be introduced with care and with clear guidance for students.",
			"The team behind the project said it would share more results at an academic conference later this year.");

	private static final List<String> GERMAN = List.of(
			"Die Ankündigung kommt zu einer Zeit, in der viele Unternehmen nach produktiven Einsatzfeldern suchen.",
			"Fachleute rechnen damit, dass sich der Markt in den kommenden %N% Jahren verdoppelt.",
			"Kunden wünschen sich klarere Preise und mehr Kontrolle über ihre Daten.",
			"Ein Sprecher wollte keine Angaben zur Zahl der Kunden machen.",
			"Der Bedarf an Rechenleistung bleibt nach Angaben mehrerer Manager der größte Kostenfaktor.",
			"Kritiker bemängeln, dass für unabhängige Prüfungen kaum Zeit bleibt.",
			"Hochschulen in %PLACE% wollen die Technik in Forschung und Lehre einsetzen.",
			"Datenschützer fordern klare Regeln für die Speicherung von Nutzerdaten.",
			"Der Energiebedarf der Rechenzentren wird zunehmend zum politischen Thema.",
			"Partner erhalten in den kommenden Wochen frühen Zugang, eine breitere Einführung ist für später geplant.",
			"Entwickler in Foren äußerten sich gespalten über die neuen Funktionen.",
			"Das Unternehmen will einen technischen Bericht mit Details zu den Testverfahren veröffentlichen.",
			"Der Wettbewerb um Fachkräfte bleibt hart, die Gehälter steigen weiter.",
			"Behörden in %PLACE% arbeiten an neuen Regeln für den Einkauf von KI-Diensten.",
			"Vorerst, so das Unternehmen, stehe die Zuverlässigkeit im Vordergrund.");

	private static final List<String> PLACES = List.of("Texas", "Ohio", "Ireland", "Finland", "Arizona", "Norway",
			"Singapore", "Quebec", "Wisconsin", "Portugal", "Bavaria", "Kenya", "Chile", "Poland");

	private Elaboration() {
	}

	/** {@code lead} followed by paragraphs until it holds between 300 and 1,500 words (drawn from {@code seed}). */
	static String of(String lead, String language, long seed) {
		Random random = new Random(seed);
		// sentences are added until the target is passed, by at most one sentence (under 30 words)
		int target = MIN_WORDS + random.nextInt(MAX_WORDS - 30 - MIN_WORDS + 1);
		List<String> sentences = language.equals("de") ? GERMAN : ENGLISH;
		StringBuilder body = new StringBuilder(target * 7).append(lead);
		int words = words(lead);
		while (words < target) {
			body.append("\n\n");
			int count = 3 + random.nextInt(4);
			for (int i = 0; i < count && words < target; i++) {
				String sentence = fill(sentences.get(random.nextInt(sentences.size())), random);
				body.append((i > 0) ? " " : "").append(sentence);
				words += words(sentence);
			}
		}
		return body.toString();
	}

	static int words(String text) {
		return text.isBlank() ? 0 : text.trim().split("\\s+").length;
	}

	private static String fill(String template, Random random) {
		if (template.indexOf('%') < 0) {
			return template;
		}
		return template.replace("%AREA%", pick(ArticleGenerator.AREAS, random))
			.replace("%INVESTOR%", pick(ArticleGenerator.INVESTORS, random))
			.replace("%STARTUP%", pick(ArticleGenerator.STARTUPS, random))
			.replace("%THING%", pick(ArticleGenerator.THINGS, random))
			.replace("%PLACE%", pick(PLACES, random))
			.replace("%N%", Integer.toString(2 + random.nextInt(40)));
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

}
