package io.newshound.indexer.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.newshound.indexer.IndexerProperties;

import org.springframework.core.io.ClassPathResource;

/**
 * Creates the index template, the versioned index and its write alias when they are missing.
 * Idempotent: a second run, or a second indexer, changes nothing.
 *
 * <p>The template matches {@code <alias>-v*}, so an indexer configured with another alias brings its
 * own template. When the alias exists, fields the template has and the index lacks (an additive
 * mapping change, such as a new enrichment field) are added to the index; any other mapping change
 * needs a new index version, as described in the module README (new version, reindex, alias swap).
 */
public class ArticleIndexSetup {

	private static final Logger logger = LoggerFactory.getLogger(ArticleIndexSetup.class);

	static final String TEMPLATE = "elasticsearch/news-articles-template.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ElasticsearchClient client;

	private final IndexerProperties.Index index;

	public ArticleIndexSetup(ElasticsearchClient client, IndexerProperties.Index index) {
		this.client = client;
		this.index = index;
	}

	/**
	 * Ensures that the template, the index and the alias exist, and that the index has every field
	 * of the template.
	 * @throws IOException when Elasticsearch cannot be reached
	 * @throws ElasticsearchException when Elasticsearch refuses a request, such as a template whose
	 * analysis filters are not installed (4xx) or a request it cannot serve now (5xx)
	 */
	public void ensureIndex() throws IOException {
		ObjectNode template = template(this.index.alias());
		this.client.indices()
			.putIndexTemplate((t) -> t.name(this.index.alias()).withJson(new StringReader(template.toString())));
		if (this.client.indices().existsAlias((a) -> a.name(this.index.alias())).value()) {
			logger.info("Index alias '{}' exists", this.index.alias());
			addMissingFields((ObjectNode) template.path("template").path("mappings").path("properties"));
			return;
		}
		String concrete = this.index.concreteName();
		try {
			this.client.indices()
				.create((c) -> c.index(concrete)
					.settings((s) -> s.numberOfShards(Integer.toString(this.index.shards()))
						.numberOfReplicas(Integer.toString(this.index.replicas()))
						.refreshInterval((r) -> r.time(this.index.refreshInterval().toMillis() + "ms")))
					.aliases(this.index.alias(), (a) -> a.isWriteIndex(true)));
			logger.info("Created index '{}' behind write alias '{}'", concrete, this.index.alias());
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
			// another indexer created it between our check and our create
			logger.info("Index '{}' was created concurrently", concrete);
		}
	}

	/** The bundled template, matching the indices of {@code alias}. */
	static ObjectNode template(String alias) throws IOException {
		try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
			ObjectNode template = (ObjectNode) JSON.readTree(in);
			template.putArray("index_patterns").add(alias + "-v*");
			return template;
		}
	}

	private void addMissingFields(ObjectNode templateFields) throws IOException {
		Map<String, IndexMappingRecord> indices = this.client.indices()
			.getMapping((m) -> m.index(this.index.alias()))
			.mappings();
		for (Map.Entry<String, IndexMappingRecord> index : indices.entrySet()) {
			Map<String, ?> existing = index.getValue().mappings().properties();
			ObjectNode missing = JSON.createObjectNode();
			List<String> names = new ArrayList<>();
			for (Map.Entry<String, JsonNode> field : templateFields.properties()) {
				if (!existing.containsKey(field.getKey())) {
					missing.set(field.getKey(), field.getValue());
					names.add(field.getKey());
				}
			}
			if (names.isEmpty()) {
				continue;
			}
			String body = JSON.createObjectNode().set("properties", missing).toString();
			this.client.indices().putMapping((p) -> p.index(index.getKey()).withJson(new StringReader(body)));
			logger.info("Added field(s) {} of the template to index '{}'", names, index.getKey());
		}
	}

}
