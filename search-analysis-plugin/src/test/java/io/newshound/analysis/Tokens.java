package io.newshound.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Runs text through the standard tokenizer and a chain of filters, and returns the terms. */
final class Tokens {

	private Tokens() {
	}

	static List<String> of(String text, UnaryOperator<TokenStream> filters) {
		try (Analyzer analyzer = new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, filters.apply(tokenizer));
			}

		}; TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			List<String> terms = new ArrayList<>();
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
			return terms;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
