package io.newshound.crawler.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A first content-scoring heuristic, in the manner of Readability: boilerplate elements are removed,
 * every paragraph gives points to its parent and grandparent (more for longer text with commas), a
 * container's class and id add or take away points, link-heavy containers lose, and the best container
 * (with siblings that score nearly as well) is turned into text, one paragraph per block.
 */
final class BodyExtractor {

	private static final Pattern NEGATIVE = Pattern.compile(
			"(?i)(^|[\\s_-])(comment|comments|commentlist|disqus|respond|share|sharing|social|related|recommend|sidebar|promo|newsletter|subscribe|signup|advert|ads?|sponsor|sponsored|cookie|consent|gdpr|footer|masthead|breadcrumbs?|menu|popup|modal|paywall|byline|author-bio|tags|toolbar|skip|print|outbrain|taboola|trending|most-popular|more-stories|read-more|nav|navigation|banner|pagination|pager|caption|credit|copyright|disclaimer|shoutbox|skyscraper|supplemental)($|[\\s_-])");

	/** Class or id words that keep an element that also looks unlikely (Readability's "maybe" list). */
	private static final Pattern MAYBE = Pattern
		.compile("(?i)(^|[\\s_-])(and|article|body|column|content|main|shadow|entry|post|story|text)($|[\\s_-])");

	private static final Pattern POSITIVE = Pattern
		.compile("(?i)(^|[\\s_-])(article|body|content|entry|main|post|story|text|blog|prose|rich-text)($|[\\s_-])");

	private static final Set<String> BOILERPLATE_TAGS = Set.of("script", "style", "noscript", "template", "iframe",
			"svg", "canvas", "form", "button", "input", "select", "textarea", "nav", "footer", "aside", "header",
			"figcaption", "object", "embed", "video", "audio", "dialog", "menu");

	private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
			"dialog", "alertdialog", "search", "menu", "menubar");

		private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
			"h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "figure",
			"br", "hr", "address", "center");

	private static final int MIN_PARAGRAPH = 25;

	/** Below this many characters the first pass is not believed, and the page is read again more leniently. */
	private static final int SHORT = 250;

	/** @return the article text of {@code document}, which this method changes; empty when none */
	String extract(Document document, String headline) {
		Element body = document.body();
		if (body == null) {
			return "";
		}
		Document lenient = document.clone();
		String text = extract(body, headline, true);
		if (text.length() >= SHORT) {
			return text;
		}
		// class and id words misled the first pass (page builders call everything a widget): without them
		String second = extract(lenient.body(), headline, false);
		return (second.length() > text.length()) ? second : text;
	}

	private String extract(Element body, String headline, boolean stripUnlikely) {
		removeBoilerplate(body, stripUnlikely);
		List<String> paragraphs = new ArrayList<>();
		for (Element container : containers(body)) {
			paragraphs.addAll(paragraphs(container));
		}
		return join(paragraphs, headline);
	}

	private static void removeBoilerplate(Element root, boolean stripUnlikely) {
		List<Element> remove = new ArrayList<>();
		for (Element element : root.getAllElements()) {
			if (element == root) {
				continue;
			}
			String tag = element.normalName();
			if (BOILERPLATE_TAGS.contains(tag) || element.hasAttr("hidden")
					|| "true".equalsIgnoreCase(element.attr("aria-hidden"))
					|| BOILERPLATE_ROLES.contains(element.attr("role").toLowerCase(Locale.ROOT))
					|| element.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none")) {
				remove.add(element);
			}
			else if (stripUnlikely && isUnlikely(element)) {
				remove.add(element);
			}
		}
		for (Element element : remove) {
			element.remove();
		}
	}

	/** Whether class and id say boilerplate, and nothing inside says article. */
	private static boolean isUnlikely(Element element) {
		String tag = element.normalName();
		if (tag.equals("html") || tag.equals("body") || tag.equals("main")) {
			return false;
		}
		String classAndId = element.className() + " " + element.id();
		if (!NEGATIVE.matcher(classAndId).find() || MAYBE.matcher(classAndId).find()) {
			return false;
		}
		if (element.selectFirst("main, [itemprop=articleBody]") != null) {
			return false;
		}
		for (Element article : element.getElementsByTag("article")) {
			if (article != element && !NEGATIVE.matcher(article.className() + " " + article.id()).find()) {
				return false;
			}
		}
		return true;
	}

	private List<Element> containers(Element body) {
		Element marked = body.selectFirst("[itemprop=articleBody]");
		if (marked != null && marked.text().length() >= 200) {
			return List.of(marked);
		}
		Map<Element, Double> scores = new HashMap<>();
		for (Element element : body.select("p, pre, td, blockquote, div, section, li")) {
			if (!isParagraphLike(element)) {
				continue;
			}
			String text = element.text();
			if (text.length() < MIN_PARAGRAPH) {
				continue;
			}
			double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
			// parent gets it all, grandparent half, and further ancestors a third per level (as Readability)
			Element ancestor = element.parent();
			for (int level = 0; level < 5 && ancestor != null && ancestor != body.parent(); level++) {
				double share = score / ((level == 0) ? 1 : (level == 1) ? 2 : level * 3);
				scores.merge(ancestor, share + initial(ancestor, scores), (a, b) -> a + share);
				ancestor = ancestor.parent();
			}
		}
		Element best = null;
		double bestScore = 0;
		for (Map.Entry<Element, Double> entry : scores.entrySet()) {
			double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
			entry.setValue(score);
			if (score > bestScore) {
				best = entry.getKey();
				bestScore = score;
			}
		}
		if (best == null) {
			return List.of(body);
		}
		best = commonAncestorOfAlternatives(best, bestScore, scores, body);
		while (best.text().length() < 250 && best.parent() != null && best.parent() != body.parent()) {
			best = best.parent();
		}
		// an only child says nothing its parent does not: go up, so that siblings at that level can join
		while (best.parent() != null && best != body && best.parent() != body && best.parent().childrenSize() == 1) {
			best = best.parent();
		}
		List<Element> chosen = new ArrayList<>();
		Element parent = best.parent();
		if (parent == null) {
			return List.of(best);
		}
		double threshold = Math.max(10, bestScore * 0.2);
		for (Element sibling : parent.children()) {
			if (sibling == best) {
				chosen.add(sibling);
				continue;
			}
			Double score = scores.get(sibling);
			boolean sameClass = !best.className().isEmpty() && best.className().equals(sibling.className());
			if (score != null && score + (sameClass ? bestScore * 0.2 : 0) >= threshold) {
				chosen.add(sibling);
			}
			else if (sibling.normalName().equals("p")) {
				String text = sibling.text();
				double density = linkDensity(sibling);
				if ((text.length() > 80 && density < 0.25) || (text.length() > 0 && density == 0 && text.matches(".*\\.( |$).*"))) {
					chosen.add(sibling);
				}
			}
		}
		return chosen;
	}

	/**
	 * When an article is cut into many small boxes, several of them score close to the best: their
	 * closest common ancestor holding at least three of them is the article (Readability's rule).
	 */
	private static Element commonAncestorOfAlternatives(Element best, double bestScore, Map<Element, Double> scores,
			Element body) {
		List<Element> alternatives = scores.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() != best && entry.getValue() >= bestScore * 0.75)
			.sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
			.limit(4)
			.map(Map.Entry::getKey)
			.toList();
		if (alternatives.size() < 3) {
			return best;
		}
		for (Element ancestor = best.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
			int holding = 0;
			for (Element alternative : alternatives) {
				if (alternative == ancestor || alternative.parents().contains(ancestor)) {
					holding++;
				}
			}
			if (holding >= 3) {
				return ancestor;
			}
		}
		return best;
	}

	/** Text reduced to its letters and digits, lower case, to compare headlines across punctuation. */
	static String letters(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints()
			.filter(Character::isLetterOrDigit)
			.map(Character::toLowerCase)
			.forEach(out::appendCodePoint);
		return out.toString();
	}

	private static double initial(Element element, Map<Element, Double> scores) {
		if (scores.containsKey(element)) {
			return 0;
		}
		double score = switch (element.normalName()) {
			case "article" -> 10;
			case "div", "main", "section" -> 5;
			case "pre", "td", "blockquote" -> 3;
			case "ol", "ul", "li", "dl", "dd", "dt", "form", "address" -> -3;
			case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
			default -> 0;
		};
		String classAndId = element.className() + " " + element.id();
		if (POSITIVE.matcher(classAndId).find()) {
			score += 25;
		}
		if (NEGATIVE.matcher(classAndId).find()) {
			score -= 25;
		}
		return score;
	}

	private static boolean isParagraphLike(Element element) {
		String tag = element.normalName();
		if (tag.equals("p") || tag.equals("pre") || tag.equals("td") || tag.equals("blockquote")) {
			return true;
		}
		// a div, section or li that holds text directly and no blocks of its own acts as a paragraph
		for (Element child : element.children()) {
			if (BLOCKS.contains(child.normalName()) && !child.normalName().equals("br")) {
				return false;
			}
		}
		return !element.ownText().isBlank();
	}

	private static int commas(String text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',' || c == '，' || c == '、') {
				count++;
			}
		}
		return count;
	}

	static double linkDensity(Element element) {
		int length = element.text().length();
		if (length == 0) {
			return 0;
		}
		int links = 0;
		for (Element link : element.select("a")) {
			links += link.text().length();
		}
		return Math.min(1, links / (double) length);
	}

	/** The container's text, one entry per block, dropping link lists. */
	private static List<String> paragraphs(Element container) {
		List<String> out = new ArrayList<>();
		Collector collector = new Collector(out);
		collector.walk(container);
		collector.flush();
		return out;
	}

	private static String join(List<String> paragraphs, String headline) {
		Set<String> seen = new LinkedHashSet<>();
		for (String paragraph : paragraphs) {
			if (headline != null && letters(paragraph).equals(letters(headline))) {
				continue;
			}
			seen.add(paragraph);
		}
		return String.join("\n\n", seen).strip();
	}

	/** Walks a container, gathering inline text into paragraphs that end at block boundaries. */
	private static final class Collector {

		private final List<String> out;

		private final StringBuilder text = new StringBuilder();

		private int linkChars;

		private boolean preformatted;

		Collector(List<String> out) {
			this.out = out;
		}

		void walk(Node node) {
			for (Node child : node.childNodes()) {
				if (child instanceof TextNode textNode) {
					String value = this.preformatted ? textNode.getWholeText() : textNode.text();
					this.text.append(value);
					if (inLink(textNode)) {
						this.linkChars += value.strip().length();
					}
				}
				else if (child instanceof Element element) {
					String tag = element.normalName();
					boolean block = BLOCKS.contains(tag);
					if (block) {
						flush();
					}
					if (tag.equals("pre")) {
						this.preformatted = true;
						walk(element);
						this.preformatted = false;
					}
					else if (!tag.equals("img")) {
						walk(element);
					}
					if (block) {
						flush();
					}
				}
			}
		}

		private static boolean inLink(TextNode node) {
			for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
				if (parent instanceof Element element && element.normalName().equals("a")) {
					return true;
				}
			}
			return false;
		}

		void flush() {
			String paragraph = this.preformatted ? this.text.toString().strip()
					: this.text.toString().replaceAll("[\\s\\u00a0]+", " ").strip();
			int length = paragraph.length();
			boolean linkList = length > 0 && this.linkChars / (double) length > 0.6;
			if (length > 0 && !linkList && !isNoise(paragraph)) {
				this.out.add(paragraph);
			}
			this.text.setLength(0);
			this.linkChars = 0;
		}

		private static boolean isNoise(String paragraph) {
			String lower = paragraph.toLowerCase(Locale.ROOT);
			return lower.equals("advertisement") || lower.equals("share") || lower.equals("share this article")
					|| lower.equals("read more") || lower.startsWith("sign up for") && paragraph.length() < 120;
		}

	}


}
