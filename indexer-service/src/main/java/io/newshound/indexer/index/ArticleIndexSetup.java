package io.newshound.indexer.index;

import java.io.IOException;
import java.io.InputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.indexer.IndexerProperties;

import org.springframework.core.io.ClassPathResource;

/**
 * Creates the index template, the versioned index and its write alias when they are missing.
 * Idempotent: a second run, or a second indexer, changes nothing. Migration to a new mapping version
 * is described in the module README (new version, reindex, alias swap).
 */
public class ArticleIndexSetup {

	private static final Logger logger = LoggerFactory.getLogger(ArticleIndexSetup.class);

	private static final String TEMPLATE = "elasticsearch/news-articles-template.json";

	private final ElasticsearchClient client;

	private final IndexerProperties.Index index;

	public ArticleIndexSetup(ElasticsearchClient client, IndexerProperties.Index index) {
		this.client = client;
		this.index = index;
	}

	/**
	 * Ensures that the template, the index and the alias exist.
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public void ensureIndex() throws IOException {
		try (InputStream template = new ClassPathResource(TEMPLATE).getInputStream()) {
			this.client.indices().putIndexTemplate((t) -> t.name(this.index.alias()).withJson(template));
		}
		if (this.client.indices().existsAlias((a) -> a.name(this.index.alias())).value()) {
			logger.info("Index alias '{}' exists", this.index.alias());
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
		catch (co.elastic.clients.elasticsearch._types.ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
			// another indexer created it between our check and our create
			logger.info("Index '{}' was created concurrently", concrete);
		}
	}

}
