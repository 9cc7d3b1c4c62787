package io.newshound.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;

/**
 * Fills the templates. Everything random comes from one {@link Random} seeded once, consumed in a fixed order,
 * so the output depends on the seed and the anchor only.
 */
final class ArticleGenerator {

	static final int DAYS = 60;

	private static final double SYNDICATION_SHARE = 0.2;

	static final List<Source> SOURCES = List.of(
			new Source("Neural Wire", "neuralwire.example", List.of("research", "models"), "en",
					List.of("Priya Raman", "Tomasz Wolny", "Ada Okafor")),
			new Source("The Inference", "theinference.example", List.of("business", "startups"), "en",
					List.of("Hannah Brecht", "Luis Ortega", "Mei Tanaka")),
			new Source("Silicon Ledger", "siliconledger.example", List.of("chips", "business"), "en",
					List.of("Grant Holloway", "Nadia Farouk", "Owen Pike")),
			new Source("Policy Prompt", "policyprompt.example", List.of("policy", "regulation"), "en",
					List.of("Claire Dubois", "Samuel Achebe", "Ines Moreau")),
			new Source("Open Source Signal", "opensourcesignal.example", List.of("open-source", "models"), "en",
					List.of("Jonas Berg", "Fatima Zahra", "Kenji Mori")),
			new Source("Gradient Gazette", "gradientgazette.example", List.of("research"), "en",
					List.of("Elena Petrova", "Marcus Reed", "Sofia Lind")),
			new Source("Compute Chronicle", "computechronicle.example", List.of("chips", "cloud"), "en",
					List.of("Ravi Menon", "Julia Novak", "Ben Carter")),
			new Source("Model Card Daily", "modelcarddaily.example", List.of("models", "products"), "en",
					List.of("Aisha Bello", "Felix Kramer", "Noor Haddad")),
			new Source("Agentic Times", "agentictimes.example", List.of("agents", "products"), "en",
					List.of("Lena Vogt", "Diego Alvarez", "Hana Kim")),
			new Source("Datacenter Dispatch", "datacenterdispatch.example", List.of("cloud", "infrastructure"), "en",
					List.of("Oscar Lindqvist", "Maya Patel", "Yusuf Demir")),
			new Source("KI-Rundschau", "ki-rundschau.example", List.of("research", "deutsch"), "de",
					List.of("Katrin Schulz", "Matthias Keller")));

	private record Company(String name, String product, String person, String city) {
	}

	private static final List<Company> LABS = List.of(new Company("OpenAI", "ChatGPT", "Sam Altman", "San Francisco"),
			new Company("Anthropic", "Claude", "Dario Amodei", "San Francisco"),
			new Company("Google DeepMind", "Gemini", "Demis Hassabis", "London"),
			new Company("Meta", "Llama", "Mark Zuckerberg", "Menlo Park"),
			new Company("Microsoft", "Copilot", "Satya Nadella", "Redmond"),
			new Company("Mistral AI", "Le Chat", "Arthur Mensch", "Paris"),
			new Company("Cohere", "Command", "Aidan Gomez", "Toronto"),
			new Company("Hugging Face", "the Hugging Face Hub", "Clem Delangue", "New York"),
			new Company("Perplexity", "Comet", "Aravind Srinivas", "San Francisco"),
			new Company("Amazon", "Nova", "Andy Jassy", "Seattle"),
			new Company("Apple", "Apple Intelligence", "Tim Cook", "Cupertino"),
			new Company("Databricks", "Mosaic", "Ali Ghodsi", "San Francisco"),
			new Company("xAI", "Grok", "Elon Musk", "Palo Alto"));

	private static final List<Company> CHIPMAKERS = List.of(
			new Company("Nvidia", "H200 GPUs", "Jensen Huang", "Santa Clara"),
			new Company("AMD", "Instinct accelerators", "Lisa Su", "Santa Clara"),
			new Company("Intel", "Gaudi accelerators", "Lip-Bu Tan", "Santa Clara"),
			new Company("TSMC", "advanced packaging lines", "C. C. Wei", "Hsinchu"),
			new Company("Cerebras", "wafer-scale chips", "Andrew Feldman", "Sunnyvale"),
			new Company("Groq", "LPU inference chips", "Jonathan Ross", "Mountain View"),
			new Company("Broadcom", "custom accelerators", "Hock Tan", "Palo Alto"));

	static final List<String> STARTUPS = List.of("Lumen Labs", "Parallax AI", "Quill Systems", "Tessellate",
			"Orbital Compute", "Fathom Health", "Vireo Bio", "Arclight Security", "Northwind Agents", "Brightline Data",
			"Cobalt Reasoning", "Harbor Speech", "Meridian Robotics", "Sable Analytics", "Tidewater AI", "Keystone Evals");

	static final List<String> THINGS = List.of("AI agents for accountants", "speech recognition for call centres",
			"GPU scheduling software", "synthetic data for robotics", "code review assistants",
			"AI models for weather forecasting", "on-device speech models", "evaluation tools for AI agents",
			"retrieval systems for legal research", "AI tutors for maths", "fraud detection for banks",
			"protein design models");

	static final List<String> INVESTORS = List.of("Sequoia Capital", "Andreessen Horowitz", "Index Ventures",
			"Lightspeed", "General Catalyst", "Accel", "Greylock", "Khosla Ventures", "Thrive Capital", "Nvidia's venture arm");

	static final List<String> AREAS = List.of("healthcare", "education", "customer support", "coding tools",
			"cybersecurity", "drug discovery", "legal research", "logistics", "financial services", "government services");

	private static final List<String> PLACES = List.of("Texas", "Ohio", "Ireland", "Finland", "Arizona", "Norway",
			"Singapore", "Quebec", "Wisconsin", "Portugal");

	private static final List<String> TECHNIQUES = List.of("a cheaper way to fine-tune reasoning models",
			"a method to detect hallucinated citations", "a benchmark for agents that use spreadsheets",
			"a faster attention mechanism for long documents", "a way to watermark generated images",
			"a test of how models follow safety instructions", "a compression method for speech models",
			"a dataset of annotated chest X-rays");

	private static final List<String> FEATURES = List.of("faster responses", "lower prices for businesses",
			"a longer memory of past conversations", "better answers in Spanish and Hindi", "voice conversations",
			"tools that read spreadsheets", "stronger controls for administrators", "image understanding");

	private static final List<String> ROLES = List.of("chief scientist", "head of safety", "head of hardware",
			"chief operating officer", "head of research", "general counsel");

	private static final List<String> NEW_NAMES = List.of("Rosa Lindgren", "Daniel Osei", "Keiko Yamada", "Pavel Horak",
			"Amara Nwosu", "Victor Chen", "Leila Haddad", "Tobias Engel");

	private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

	private static final List<String> WOCHENTAGE = List.of("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag");

	private static final List<String> SYNDICATION_TAILS = List.of(
			"The report could not be independently verified.", "Shares of listed rivals moved little on the news.",
			"More details are expected at a press briefing later this week.",
			"Analysts said the move fits a broader pattern in the industry.");

	private final Random random;

	private final Instant anchor;

	private final long seed;

	private final BodyLength length;

	private int sequence;

	private int stories;

	ArticleGenerator(long seed, Instant anchor, BodyLength length) {
		this.random = new Random(seed);
		this.seed = seed;
		this.anchor = anchor;
		this.length = length;
	}

	/** The landmark articles, then the syndicated copies of the cloud agreement; fills {@code index}. */
	List<ArticleEvent> landmarks(Map<Landmark, ArticleEvent> index) {
		List<ArticleEvent> articles = new ArrayList<>();
		for (Landmark landmark : Landmark.values()) {
			Source source = source(landmark.source());
			String url = "https://" + source.host() + "/landmarks/" + landmark.name().toLowerCase(Locale.ROOT).replace('_', '-');
			Instant published = this.anchor.minus(landmark.age());
			ArticleEvent article = article(source, url, landmark.title(), landmark.body(), source.authors().get(0),
					published, null);
			index.put(landmark, article);
			articles.add(article);
		}
		ArticleEvent original = index.get(Landmark.CLOUD_AGREEMENT);
		int hours = 1;
		for (String name : Landmark.SYNDICATED_SOURCES) {
			Source source = source(name);
			String url = "https://" + source.host() + "/landmarks/cloud-agreement-copy";
			String body = "People familiar with the matter confirmed the report. " + original.body() + " "
					+ SYNDICATION_TAILS.get(hours % SYNDICATION_TAILS.size());
			articles.add(article(source, url, original.title(), body, source.authors().get(1),
					original.publishedAt().plus(Duration.ofHours(hours++)), original.storyId()));
		}
		return articles;
	}

	/** Generated stories without end; the caller takes as many articles as it needs. */
	Iterator<ArticleEvent> background() {
		Deque<ArticleEvent> pending = new ArrayDeque<>();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public ArticleEvent next() {
				if (pending.isEmpty()) {
					pending.addAll(story());
				}
				return pending.removeFirst();
			}

		};
	}

	/** One story: an original and, sometimes, near-copies on other sources. */
	private List<ArticleEvent> story() {
		Source source = (this.random.nextInt(20) == 0) ? SOURCES.get(SOURCES.size() - 1)
				: SOURCES.get(this.random.nextInt(SOURCES.size() - 1));
		String[] text = source.language().equals("de") ? german() : english();
		this.stories++;
		if (this.length == BodyLength.FULL) {
			// its own Random: a full-length corpus tells the same stories as a brief one
			text[1] = Elaboration.of(text[1], source.language(), this.seed * 1_000_003L + this.stories);
		}
		Instant published = this.anchor.minus(Duration.ofMinutes(15 + this.random.nextInt(DAYS * 24 * 60)))
			.truncatedTo(ChronoUnit.MINUTES);
		String author = pick(source.authors());
		ArticleEvent original = article(source, url(source, published, text[0]), text[0], text[1], author, published,
				null);
		List<ArticleEvent> story = new ArrayList<>(List.of(original));
		if (source.language().equals("en") && this.random.nextDouble() < SYNDICATION_SHARE) {
			int copies = 1 + this.random.nextInt(3);
			List<Source> others = new ArrayList<>(SOURCES.subList(0, SOURCES.size() - 1));
			others.remove(source);
			for (int i = 0; i < copies; i++) {
				Source other = others.remove(this.random.nextInt(others.size()));
				Instant later = published.plus(Duration.ofMinutes(20 + this.random.nextInt(6 * 60)));
				String title = switch (this.random.nextInt(3)) {
					case 0 -> text[0];
					case 1 -> "Report: " + text[0];
					default -> text[0] + ", " + source.name() + " reports";
				};
				String body = "As first reported by " + source.name() + ": " + text[1] + " "
						+ pick(SYNDICATION_TAILS);
				story.add(article(other, url(other, later, text[0]), title, body, pick(other.authors()), later,
						original.storyId()));
			}
		}
		return story;
	}

	private String[] english() {
		return switch (this.random.nextInt(9)) {
			case 0 -> launch();
			case 1 -> funding();
			case 2 -> partnership();
			case 3 -> chips();
			case 4 -> datacenter();
			case 5 -> policy();
			case 6 -> research();
			case 7 -> people();
			default -> agents();
		};
	}

	private String[] launch() {
		Company lab = pick(LABS);
		String feature = pick(FEATURES);
		String title = switch (this.random.nextInt(3)) {
			case 0 -> lab.name() + " launches " + lab.product() + " update with " + feature;
			case 1 -> lab.name() + " rolls out new " + lab.product() + " features for businesses";
			default -> lab.name() + " releases a smaller, cheaper version of " + lab.product();
		};
		return text(title, lab.name() + " on " + pick(WEEKDAYS) + " released an update to " + lab.product()
				+ " that brings " + feature + ".",
				"The company said the new version was tested with " + (2 + this.random.nextInt(40))
						+ " enterprise customers before the release.",
				"\"We listened to developers,\" " + lab.person() + " said in a post announcing the change.",
				"Rivals have shipped similar features in recent months, and prices for AI services keep falling.",
				"The update is available today in " + (10 + this.random.nextInt(150)) + " countries.");
	}

	private String[] funding() {
		String startup = pick(STARTUPS);
		String thing = pick(THINGS);
		int amount = 5 * (2 + this.random.nextInt(80));
		String round = pick(List.of("A", "B", "C"));
		String investor = pick(INVESTORS);
		Company chipmaker = pick(CHIPMAKERS);
		String title = (this.random.nextBoolean()) ? startup + " raises $" + amount + " million to build " + thing
				: startup + " lands $" + amount + " million Series " + round + " for " + thing;
		return text(title, startup + ", a " + pick(List.of("London", "Berlin", "Toronto", "Austin", "Paris", "Boston"))
				+ "-based startup building " + thing + ", has raised $" + amount + " million in a Series " + round
				+ " round led by " + investor + ".",
				"The company has " + (12 + this.random.nextInt(150)) + " employees and plans to double its engineering team.",
				"Its software runs on " + chipmaker.product() + " from " + chipmaker.name() + " rented from cloud providers.",
				"Investors have poured money into startups that sell AI to specific industries this year.",
				"The round values the company at about $" + (amount * (5 + this.random.nextInt(10))) + " million, according to a person familiar with the deal.");
	}

	private String[] partnership() {
		Company first = pick(LABS);
		Company second = pick(LABS);
		while (second.equals(first)) {
			second = pick(LABS);
		}
		String area = pick(AREAS);
		String title = (this.random.nextBoolean()) ? first.name() + " and " + second.name() + " team up on " + area
				: first.name() + " partners with " + second.name() + " to bring " + first.product() + " to " + area;
		return text(title, first.name() + " and " + second.name() + " announced a partnership to build AI tools for "
				+ area + ".",
				"Customers of " + second.name() + " will be able to use " + first.product() + " alongside "
						+ second.product() + ".",
				"The companies did not disclose financial terms.",
				"\"Working together gets these tools to customers faster,\" " + first.person() + " said.",
				"The " + area + " market has become a priority for AI companies looking for paying customers.");
	}

	private String[] chips() {
		Company maker = pick(CHIPMAKERS);
		int growth = 10 + this.random.nextInt(90);
		String title = switch (this.random.nextInt(3)) {
			case 0 -> maker.name() + " reports record data center revenue as demand for " + maker.product() + " grows";
			case 1 -> maker.name() + " unveils next generation of " + maker.product();
			default -> maker.name() + " expands production of " + maker.product();
		};
		return text(title, maker.name() + " said data center revenue rose " + growth
				+ " percent from a year earlier, driven by demand for " + maker.product() + ".",
				"Cloud providers and AI labs are competing for supply of accelerators to train and serve models.",
				maker.person() + " told analysts that orders for next year already exceed current capacity.",
				"The company expects supply constraints on high-bandwidth memory to ease in the second half of the year.",
				"Shares rose " + (1 + this.random.nextInt(9)) + " percent in after-hours trading.");
	}

	private String[] datacenter() {
		Company company = pick(LABS);
		String place = pick(PLACES);
		int megawatts = 100 * (1 + this.random.nextInt(20));
		String title = (this.random.nextBoolean()) ? company.name() + " plans new data center in " + place
				: company.name() + " signs power deal for " + place + " data center";
		return text(title, company.name() + " plans to build a data center in " + place + " with " + megawatts
				+ " megawatts of capacity to serve " + company.product() + ".",
				"The site will use renewable power under a long-term contract with a local utility.",
				"Construction is expected to start next year and create " + (200 + this.random.nextInt(1500)) + " jobs.",
				"Local officials welcomed the investment but asked for limits on water use.",
				"Demand for computing power to run AI services has set off a race to secure land and electricity.");
	}

	private String[] policy() {
		Company company = pick(LABS);
		String regulator = pick(List.of("European Commission", "UK Competition and Markets Authority",
				"US Federal Trade Commission", "Japan's digital agency", "Canadian privacy commissioner"));
		String title = switch (this.random.nextInt(3)) {
			case 0 -> regulator + " publishes guidance for general-purpose AI models";
			case 1 -> regulator + " asks for comments on AI safety testing rules";
			default -> regulator + " reviews " + company.name() + " partnership";
		};
		return text(title, "The " + regulator + " said it wants clear rules for companies that build and deploy AI systems.",
				"The guidance covers transparency about training data, testing before release and incident reporting.",
				company.name() + ", the maker of " + company.product() + ", said it would work with the regulator.",
				"Industry groups welcomed the consultation but warned against rules that favour the largest companies.",
				"Comments are due within " + (30 + this.random.nextInt(60)) + " days.");
	}

	private String[] research() {
		Company lab = pick(LABS);
		String technique = pick(TECHNIQUES);
		String title = (this.random.nextBoolean()) ? lab.name() + " researchers propose " + technique
				: "New paper from " + lab.name() + " describes " + technique;
		return text(title, "Researchers at " + lab.name() + " published a paper describing " + technique + ".",
				"The team tested the approach on " + (3 + this.random.nextInt(20)) + " tasks and released its code.",
				"The work could make models such as " + lab.product() + " cheaper to run and easier to evaluate.",
				"Outside researchers said the results were promising but needed to be reproduced.",
				"The paper will be presented at a machine learning conference next month.");
	}

	private String[] people() {
		Company company = pick(LABS);
		String role = pick(ROLES);
		String name = pick(NEW_NAMES);
		return text(company.name() + " names " + name + " as new " + role,
				company.name() + " has appointed " + name + " as its " + role + ", the company said.",
				name + " previously led teams at a university research lab and a cloud provider.",
				"The appointment comes as " + company.name() + " expands work on " + company.product() + ".",
				company.person() + " said the company needed experienced leaders as it grows.",
				"The company has hired more than " + (100 + this.random.nextInt(900)) + " people this year.");
	}

	private String[] agents() {
		Company company = pick(LABS);
		String area = pick(AREAS);
		return text(company.name() + " adds agent features to " + company.product() + " for " + area,
				company.name() + " is adding agents to " + company.product() + " that can complete multi-step tasks in " + area + ".",
				"The agents can fill in forms, compare documents and draft replies for a person to approve.",
				"Early customers reported saving several hours a week, the company said.",
				"Security researchers have warned that agents with access to email and files need strict limits.",
				"The features are in preview for business customers.");
	}

	private String[] german() {
		Company lab = pick(LABS);
		String tag = pick(WOCHENTAGE);
		if (this.random.nextBoolean()) {
			return text(lab.name() + " stellt neue Version von " + lab.product() + " vor",
					lab.name() + " hat am " + tag + " eine neue Version von " + lab.product() + " vorgestellt.",
					"Das Unternehmen verspricht schnellere Antworten und niedrigere Preise für Firmenkunden.",
					"Kritiker fordern mehr Transparenz über die Trainingsdaten.",
					"Die neue Version ist ab sofort in Deutschland verfügbar.");
		}
		Company maker = pick(CHIPMAKERS);
		return text(maker.name() + " meldet Rekordumsatz im Rechenzentrumsgeschäft",
				maker.name() + " hat im vergangenen Quartal deutlich mehr Chips für Rechenzentren verkauft.",
				"Die Nachfrage nach Beschleunigern für KI-Modelle bleibt hoch.",
				"Analysten erwarten, dass die Lieferengpässe im kommenden Jahr nachlassen.");
	}

	private static String[] text(String title, String... sentences) {
		return new String[] { title, String.join(" ", sentences) };
	}

	private ArticleEvent article(Source source, String url, String title, String body, String author,
			Instant published, String storyId) {
		String articleId = ArticleIds.of(url);
		String story = (storyId != null) ? storyId : articleId.substring(0, 16);
		int firstStop = body.indexOf(". ");
		String summary = (firstStop > 0) ? body.substring(0, firstStop + 1) : body;
		Instant fetched = published.plus(Duration.ofMinutes(7));
		return new ArticleEvent(ArticleEvent.CURRENT_SCHEMA_VERSION, articleId, url, source.name(), title, body, summary,
				List.of(author), published, published, fetched, source.language(), null, source.name(), source.tags(),
				hash(title + "\n" + body), story);
	}

	private String url(Source source, Instant published, String title) {
		ZonedDateTime date = published.atZone(ZoneOffset.UTC);
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-$", "");
		}
		return String.format(Locale.ROOT, "https://%s/%04d/%02d/%02d/%s-%d", source.host(), date.getYear(),
				date.getMonthValue(), date.getDayOfMonth(), slug, ++this.sequence);
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static Source source(String name) {
		for (Source source : SOURCES) {
			if (source.name().equals(name)) {
				return source;
			}
		}
		throw new IllegalArgumentException("no source named " + name);
	}

	private static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK provides SHA-256", ex);
		}
	}

}
