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
			"(?i)(^|[\\s_-])(comment|comments|share|sharing|social|related|recommend|sidebar|promo|newsletter|subscribe|signup|advert|ads?|sponsor|cookie|consent|footer|masthead|breadcrumbs?|menu|popup|modal|paywall|byline|author-bio|tags|toolbar|skip|print|outbrain|taboola|widget|trending|most-popular|more-stories|read-more|nav|navigation|banner|pagination|caption|credit|copyright|disclaimer)($|[\\s_-])");

	private static final Pattern POSITIVE = Pattern
		.compile("(?i)(^|[\\s_-])(article|body|content|entry|main|post|story|text|blog|prose|rich-text)($|[\\s_-])");

	private static final Set<String> BOILERPLATE_TAGS = Set.of("script", "style", "noscript", "template", "iframe",
			"svg", "canvas", "form", "button", "input", "select", "textarea", "nav", "footer", "aside", "header",
			"figcaption", "object", "embed", "video", "audio", "dialog", "menu");

	private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
			"dialog", "alertdialog", "search", "menu", "menubar");

	private static final Set<String> STRUCTURAL = Set.of("html", "body", "main", "article");

	private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
			"h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "figure",
			"br", "hr", "address", "center");

	private static final int MIN_PARAGRAPH = 25;

	/** @return the article text of {@code document}, which this method changes; empty when none */
	String extract(Document document, String headline) {
		Element body = document.body();
		if (body == null) {
			return "";
		}
		removeBoilerplate(body);
		List<Element> containers = containers(body);
		List<String> paragraphs = new ArrayList<>();
		for (Element container : containers) {
			paragraphs.addAll(paragraphs(container));
		}
		return join(paragraphs, headline);
	}

	private static void removeBoilerplate(Element root) {
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
				continue;
			}
			String classAndId = element.className() + " " + element.id();
			if (!STRUCTURAL.contains(tag) && NEGATIVE.matcher(classAndId).find() && !POSITIVE.matcher(classAndId).find()
					&& element.selectFirst("article, main, [itemprop=articleBody]") == null) {
				remove.add(element);
			}
		}
		for (Element element : remove) {
			element.remove();
		}
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
			Element parent = element.parent();
			Element grandparent = (parent != null) ? parent.parent() : null;
			if (parent != null) {
				scores.merge(parent, score + initial(parent, scores), (a, b) -> a + score);
			}
			if (grandparent != null) {
				scores.merge(grandparent, score / 2 + initial(grandparent, scores), (a, b) -> a + score / 2);
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
		while (best.text().length() < 250 && best.parent() != null && best.parent() != body.parent()) {
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
			if (headline != null && paragraph.equalsIgnoreCase(headline.strip())) {
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
