/**
 * Newshound's Elasticsearch analysis plugin: token filters for English text about the AI industry,
 * on top of Lucene's, through Elasticsearch's stable plugin API.
 *
 * <p>The filters are meant to run in the order of {@link io.newshound.analysis.EnglishChain}: standard
 * tokenizer, {@code lowercase}, {@code newshound_english_possessive}, {@code newshound_ascii_folding},
 * {@code newshound_english_stem}, and at search time only {@code newshound_ai_synonyms}, whose rules
 * are analysed with that same chain.
 */
package io.newshound.analysis;
