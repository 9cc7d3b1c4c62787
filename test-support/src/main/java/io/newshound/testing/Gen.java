package io.newshound.testing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A generator of random test values, and the runner of a property over many of them: a small, seeded stand-in for
 * a property-testing library (issue 9). Case {@code i} draws from its own {@link Random}, derived from the seed and
 * {@code i} alone, so a case is the same whatever runs before it. The seed is fixed ({@value #DEFAULT_SEED}) unless
 * {@code -Dnewshound.seed=} gives another, and it is in every case's name. There is no shrinking: a failing case
 * throws with its seed, its number and its whole input, non-ASCII escaped.
 */
@FunctionalInterface
public interface Gen<T> {

	long DEFAULT_SEED = 20261129L;

	T next(Random random);

	default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
		return (random) -> mapper.apply(next(random));
	}

	default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
		return (random) -> mapper.apply(next(random)).next(random);
	}

	default Gen<T> filter(Predicate<? super T> accept) {
		return (random) -> {
			for (int i = 0; i < 10_000; i++) {
				T value = next(random);
				if (accept.test(value)) {
					return value;
				}
			}
			throw new IllegalStateException("the filter accepted none of 10,000 generated values");
		};
	}

	/** Lists of {@code min} to {@code max} values, the size uniform. */
	default Gen<List<T>> list(int min, int max) {
		return (random) -> {
			int size = between(random, min, max);
			List<T> list = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				list.add(next(random));
			}
			return list;
		};
	}

	@SafeVarargs
	static <T> Gen<T> of(T... values) {
		return of(List.of(values));
	}

	static <T> Gen<T> of(List<T> values) {
		List<T> copy = List.copyOf(values);
		return (random) -> copy.get(random.nextInt(copy.size()));
	}

	/** One of {@code choices}, each as likely. */
	@SafeVarargs
	static <T> Gen<T> oneOf(Gen<? extends T>... choices) {
		return (random) -> choices[random.nextInt(choices.length)].next(random);
	}

	/** One of {@code choices}, each as likely as its weight says. */
	@SafeVarargs
	static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
		int total = Stream.of(choices).mapToInt(Weighted::weight).sum();
		return (random) -> {
			int pick = random.nextInt(total);
			for (Weighted<? extends T> choice : choices) {
				pick -= choice.weight();
				if (pick < 0) {
					return choice.gen().next(random);
				}
			}
			throw new IllegalStateException("weights changed");
		};
	}

	static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
		return new Weighted<>(weight, gen);
	}

	/** Any int. */
	static Gen<Integer> integers() {
		return Random::nextInt;
	}

	/** An int from {@code min} to {@code max}, both included. */
	static Gen<Integer> integers(int min, int max) {
		return (random) -> between(random, min, max);
	}

	/** A double from 0 (included) to 1 (excluded). */
	static Gen<Double> fractions() {
		return Random::nextDouble;
	}

	/** Any UTF-16 code unit, unpaired surrogates and control characters included. */
	static Gen<Character> anyChar() {
		return (random) -> (char) random.nextInt(Character.MAX_VALUE + 1);
	}

	static Gen<Character> charsOf(String chars) {
		return (random) -> chars.charAt(random.nextInt(chars.length()));
	}

	static Gen<Character> alphaNumeric() {
		return charsOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
	}

	/** Strings of {@code min} to {@code max} characters, the length uniform. */
	static Gen<String> strings(Gen<Character> chars, int min, int max) {
		return (random) -> {
			int length = between(random, min, max);
			StringBuilder text = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				text.append(chars.next(random).charValue());
			}
			return text.toString();
		};
	}

	/** Random bytes, up to {@code max} of them. */
	static Gen<byte[]> bytes(int max) {
		return (random) -> {
			byte[] bytes = new byte[between(random, 0, max)];
			random.nextBytes(bytes);
			return bytes;
		};
	}

	/** {@code tries} values, case {@code i} from {@link #random(long, int)}. */
	static <T> Stream<T> samples(int tries, Gen<T> gen) {
		long seed = seed();
		return IntStream.range(0, tries).mapToObj((i) -> gen.next(random(seed, i)));
	}

	/** One dynamic test per generated value; a failure names the seed, the case and the whole input. */
	static <T> Stream<DynamicTest> forAll(int tries, Gen<T> gen, ThrowingConsumer<? super T> property) {
		long seed = seed();
		return IntStream.range(0, tries).mapToObj((i) -> DynamicTest.dynamicTest("seed " + seed + " case " + i, () -> {
			T value = gen.next(random(seed, i));
			try {
				property.accept(value);
			}
			catch (Throwable failure) {
				throw new AssertionError("seed " + seed + ", case " + i + ", input: " + show(value), failure);
			}
		}));
	}

	static long seed() {
		return Long.getLong("newshound.seed", DEFAULT_SEED);
	}

	/** The random source of case {@code index}: the seed and index mixed (SplitMix64), so neighbours differ. */
	static Random random(long seed, int index) {
		long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return new Random(z ^ (z >>> 31));
	}

	private static int between(Random random, int min, int max) {
		return min + random.nextInt(max - min + 1);
	}

	/** The whole value, printable: strings quoted with non-ASCII and control characters escaped, bytes in hex. */
	static String show(Object value) {
		if (value instanceof byte[] bytes) {
			return bytes.length + " bytes " + HexFormat.of().formatHex(bytes);
		}
		String text = String.valueOf(value);
		StringBuilder shown = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
				shown.append(c);
			}
			else {
				shown.append(String.format("\\u%04x", (int) c));
			}
		}
		return shown.append("\" (").append(text.length()).append(" chars)").toString();
	}

	/** A choice of {@link #frequency} and its weight. */
	record Weighted<T>(int weight, Gen<? extends T> gen) {
	}

}
