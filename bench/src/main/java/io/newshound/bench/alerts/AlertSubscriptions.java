package io.newshound.bench.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.newshound.search.alert.matching.AlertMatcher.AlertQuery;
import io.newshound.search.query.QueryParser;

/**
 * Generates alert subscriptions as readers would write them, in the search query syntax: a company or person
 * alone or with a topic, phrases, {@code OR} of rivals, exclusions, a prefix now and then, and on some a source,
 * tag or language filter. Drawn from the corpus's vocabulary (so many can match) mixed with words it never uses
 * (so many cannot), from a fixed seed: the same list every run.
 */
public final class AlertSubscriptions {

	static final long SEED = 20261129L;

	private static final List<String> ENTITIES = List.of("openai", "anthropic", "nvidia", "\"google deepmind\"",
			"meta", "microsoft", "mistral", "\"hugging face\"", "cohere", "amd", "intel", "cerebras", "groq", "broadcom",
			"apple", "amazon", "tsmc", "samsung", "xai", "\"lumen labs\"", "\"parallax ai\"", "\"quill systems\"",
			"tessellate", "\"orbital compute\"", "\"fathom health\"", "\"vireo bio\"", "\"arclight security\"",
			"\"northwind agents\"", "\"brightline data\"", "\"cobalt reasoning\"", "\"harbor speech\"",
			"\"meridian robotics\"", "\"sable analytics\"", "\"tidewater ai\"", "\"keystone evals\"", "\"sequoia capital\"",
			"\"andreessen horowitz\"", "\"index ventures\"", "lightspeed", "\"general catalyst\"", "accel", "greylock",
			"\"khosla ventures\"", "\"thrive capital\"", "claude", "gemini", "llama", "copilot", "chatgpt", "\"jensen huang\"",
			"\"sam altman\"", "\"dario amodei\"", "\"lisa su\"", "\"andrew feldman\"", "\"jonathan ross\"", "\"hock tan\"");

	private static final List<String> TOPICS = List.of("funding", "earnings", "chips", "regulation", "safety", "lawsuit",
			"acquisition", "partnership", "\"data center\"", "energy", "benchmark", "\"open source\"", "agents", "robotics",
			"layoffs", "ipo", "guidance", "revenue", "hiring", "\"chief scientist\"", "\"head of safety\"", "healthcare",
			"education", "\"customer support\"", "\"coding tools\"", "cybersecurity", "\"drug discovery\"", "\"legal research\"",
			"logistics", "\"financial services\"", "\"funding round\"", "\"series b\"", "valuation", "inference", "training",
			"\"reasoning model\"", "\"fine-tune\"", "speech", "\"synthetic data\"", "weather", "fraud", "protein", "texas",
			"ohio", "ireland", "finland", "arizona", "norway", "gpu", "accelerators", "\"ai act\"", "antitrust", "copyright",
			"privacy", "outage", "pricing", "\"energy use\"", "power", "cloud", "rechenzentren");

	/** Words the corpus does not use: alerts a reader sets up for news that has not happened yet. */
	private static final List<String> RARE = List.of("quantum", "photonic", "neuromorphic", "satellite", "submarine",
			"vaccine", "wildfire", "earthquake", "bankruptcy", "strike", "tariff", "sanctions", "merger", "recall",
			"breach", "ransomware", "deepfake", "election", "olympics", "drone", "lidar", "battery", "fusion", "genome",
			"crypto", "blockchain", "metaverse", "headset", "smartwatch", "autopilot");

	private static final List<String> EXCLUSIONS = List.of("rumor", "opinion", "podcast", "sponsored", "webinar", "layoffs",
			"lawsuit", "crypto");

	private static final List<String> PREFIXES = List.of("robot*", "regulat*", "semiconduct*", "datacent*", "acqui*",
			"invest*", "benchmark*");

	private static final List<String> SOURCES = List.of("Neural Wire", "The Inference", "Silicon Ledger", "Policy Prompt",
			"Open Source Signal", "Gradient Gazette", "Compute Chronicle", "Model Card Daily", "Agentic Times",
			"Datacenter Dispatch", "KI-Rundschau");

	private static final List<String> TAGS = List.of("research", "models", "business", "startups", "chips", "policy",
			"regulation", "open-source", "cloud", "products", "agents", "infrastructure");

	private AlertSubscriptions() {
	}

	/** The query texts, in our syntax. */
	public static List<String> queries(int count) {
		Random random = new Random(SEED);
		List<String> queries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			queries.add(query(random));
		}
		return queries;
	}

	/** The queries parsed with the search API's limits, with filters on about one in eight. */
	public static List<AlertQuery> alerts(int count) {
		QueryParser parser = new QueryParser(32, 8, 3);
		Random filters = new Random(SEED + 1);
		List<String> texts = queries(count);
		List<AlertQuery> alerts = new ArrayList<>(count);
		for (int i = 0; i < texts.size(); i++) {
			int filter = filters.nextInt(24);
			List<String> source = (filter == 0) ? List.of(pick(SOURCES, filters)) : List.of();
			List<String> tag = (filter == 1 || filter == 2) ? List.of(pick(TAGS, filters)) : List.of();
			String lang = (filter == 3) ? "en" : null;
			alerts.add(new AlertQuery("alert-" + i, parser.parse(texts.get(i)), source, tag, lang));
		}
		return alerts;
	}

	private static String query(Random random) {
		int shape = random.nextInt(100);
		if (shape < 20) {
			return pick(ENTITIES, random);
		}
		if (shape < 45) {
			return pick(ENTITIES, random) + " " + pick(TOPICS, random);
		}
		if (shape < 55) {
			return pick(ENTITIES, random) + " OR " + pick(ENTITIES, random);
		}
		if (shape < 65) {
			return "(" + pick(ENTITIES, random) + " OR " + pick(ENTITIES, random) + ") " + pick(TOPICS, random);
		}
		if (shape < 75) {
			return pick(ENTITIES, random) + " " + pick(TOPICS, random) + " -" + pick(EXCLUSIONS, random);
		}
		if (shape < 82) {
			return pick(TOPICS, random) + " " + pick(TOPICS, random);
		}
		if (shape < 87) {
			return pick(PREFIXES, random) + " " + pick(ENTITIES, random);
		}
		if (shape < 95) {
			return pick(RARE, random) + " " + (random.nextBoolean() ? pick(ENTITIES, random) : pick(TOPICS, random));
		}
		return pick(RARE, random) + " OR " + pick(RARE, random);
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

}
