package io.newshound.corpus;

import java.time.Duration;

/**
 * Hand-written articles that every corpus holds, each there to make one search behaviour checkable: a reader can
 * tell which of them a query should find, and in which order. The generated background never uses their
 * distinctive words ("open weights", "acquire", "large language model", "LLM", "Blackwell Ultra", "Tokyo",
 * "prompt injection", "cloud agreement").
 */
public enum Landmark {

	/** The exact phrase "open weights" in title and body. */
	OPEN_WEIGHTS("Open Source Signal", "Mistral AI publishes open weights for its new reasoning model",
			"Mistral AI said on Tuesday that it publishes the open weights of its new reasoning model under the Apache 2.0 licence. "
					+ "Developers can download the open weights and run the model on their own servers. "
					+ "The Paris company said the release follows requests from researchers and regulated industries.",
			Duration.ofDays(3)),

	/** "open weights" in the body only, older: second for the phrase. */
	OPEN_WEIGHTS_BODY("Gradient Gazette", "What researchers learned from a year of model releases",
			"A survey of model releases over the past year found that labs which published open weights saw faster adoption by universities. "
					+ "The authors compared licences, documentation and benchmark reporting across forty releases.",
			Duration.ofDays(20)),

	/** "open" and "weights" apart, never as the phrase: must not match the quoted phrase. */
	WEIGHTS_APART("Policy Prompt", "Regulators keep an open mind on how to treat model weights",
			"Officials said the question of model weights remains open, and that guidance on general-purpose models will follow. "
					+ "Industry groups asked for clear rules on what counts as a release.",
			Duration.ofDays(5)),

	/** "acquiring" in the title: first for "acquires" (stemming). */
	NVIDIA_ACQUIRING("Silicon Ledger", "Nvidia is acquiring robotics startup Kinetica",
			"Nvidia is acquiring Kinetica, a robotics startup that builds simulation software for warehouse robots, the chipmaker said. "
					+ "Kinetica's team of sixty engineers will join Nvidia's robotics group. Terms were not disclosed.",
			Duration.ofDays(2)),

	/** "acquired" in the body only, older: second for "acquires". */
	ACQUIRED_BODY("The Inference", "Why robotics software became the hottest corner of the chip business",
			"Chipmakers want software that keeps their hardware busy. Last year AMD acquired a simulation company for the same reason, "
					+ "and analysts expect more deals as robotics moves from research labs to factories.",
			Duration.ofDays(12)),

	/** "large language models" in title and body, never "LLM": found by "LLMs" (synonym). */
	LARGE_LANGUAGE_MODELS("Neural Wire", "Large language models memorise benchmark answers, study finds",
			"Researchers found that several large language models had memorised answers to popular benchmarks. "
					+ "The study recommends fresh test sets for every evaluation of large language models.",
			Duration.ofDays(4)),

	/** "LLMs" in the title: found by "large language models" (synonym the other way). */
	LLMS("Gradient Gazette", "Why small labs are training their own LLMs",
			"Small labs say training their own LLMs is cheaper than it was two years ago. "
					+ "Rented accelerators and better data pipelines have lowered the bar.",
			Duration.ofDays(9)),

	/** About Anthropic, never about Claude: first for "anthropic -claude". */
	ANTHROPIC_TOKYO("The Inference", "Anthropic opens Tokyo office, its first in Asia",
			"Anthropic is opening an office in Tokyo, its first in Asia. Anthropic said the office will work with Japanese "
					+ "enterprises and universities, and that Anthropic plans to hire locally over the coming year.",
			Duration.ofDays(1)),

	/** About Anthropic and Claude: excluded by "anthropic -claude". */
	ANTHROPIC_CLAUDE_PRICING("Model Card Daily", "Anthropic changes Claude pricing for developers",
			"Anthropic changed the price of Claude for developers, cutting the cost of cached prompts. "
					+ "Anthropic said heavy users of Claude will see the largest savings.",
			Duration.ofDays(1)),

	/** "Blackwell Ultra", recent: the only hit with from=7d, and first without a date filter (recency). */
	BLACKWELL_RECENT("Compute Chronicle", "Nvidia ships Blackwell Ultra systems to cloud providers",
			"Nvidia began shipping Blackwell Ultra systems to cloud providers this week. "
					+ "The Blackwell Ultra parts add memory for serving models with long contexts.",
			Duration.ofDays(2)),

	/** "Blackwell Ultra", older, equally relevant text: second without a date filter, gone with from=7d. */
	BLACKWELL_OLDER("Datacenter Dispatch", "Nvidia previews Blackwell Ultra systems for cloud providers",
			"Nvidia previewed Blackwell Ultra systems for cloud providers at a developer event. "
					+ "The Blackwell Ultra parts add memory for serving models with long contexts.",
			Duration.ofDays(25)),

	/** A body with markup characters: the snippet must show them escaped. */
	PROMPT_INJECTION("Agentic Times", "Prompt injection hidden in a web page fooled a browsing agent",
			"Researchers hid a prompt injection in a page containing <script>alert('agent')</script> & an invisible instruction. "
					+ "The browsing agent followed the prompt injection and sent the user's notes to a third party.",
			Duration.ofDays(6)),

	/** The original of a story carried by three more sources (see {@link #SYNDICATED_SOURCES}). */
	CLOUD_AGREEMENT("Compute Chronicle", "Microsoft and OpenAI sign new cloud agreement",
			"Microsoft and OpenAI signed a new cloud agreement that runs through the end of the decade, the companies said. "
					+ "Under the cloud agreement OpenAI commits to buying additional Azure capacity, while Microsoft keeps access to OpenAI's models. "
					+ "Neither company disclosed the value of the deal.",
			Duration.ofDays(2));

	/** The sources that carry a near-copy of {@link #CLOUD_AGREEMENT}, a few hours later each. */
	public static final java.util.List<String> SYNDICATED_SOURCES = java.util.List.of("The Inference",
			"Datacenter Dispatch", "Silicon Ledger");

	private final String source;

	private final String title;

	private final String body;

	private final Duration age;

	Landmark(String source, String title, String body, Duration age) {
		this.source = source;
		this.title = title;
		this.body = body;
		this.age = age;
	}

	public String source() {
		return this.source;
	}

	public String title() {
		return this.title;
	}

	public String body() {
		return this.body;
	}

	/** How long before the corpus anchor it was published. */
	public Duration age() {
		return this.age;
	}

}
