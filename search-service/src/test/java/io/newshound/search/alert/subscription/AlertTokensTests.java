package io.newshound.search.alert.subscription;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens are 256 random bits; only the right one opens its alert, and never an unknown one; and the check is
 * constant-time by construction, pinned here on its structure rather than on a clock.
 */
class AlertTokensTests {

	@Test
	void onlyTheRightTokenMatches() {
		String token = AlertTokens.newToken();
		assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(AlertTokens.newToken());
		Alert alert = new Alert(AlertTokens.newId(), AlertTokens.hash(token), "n", "q", List.of(), List.of(), null,
				false, false, Instant.EPOCH, Instant.EPOCH, null);
		assertThat(alert.tokenHash()).doesNotContain(token);
		assertThat(AlertTokens.matches(alert, token)).isTrue();
		assertThat(AlertTokens.matches(alert, token + "x")).isFalse();
		assertThat(AlertTokens.matches(alert, null)).isFalse();
		assertThat(AlertTokens.matches(null, token)).isFalse();
		assertThat(AlertTokens.matches(null, "no alert has this token")).isFalse();
	}

	/**
	 * What is compared is a SHA-256 digest, 43 characters whatever the token presented (empty, short, 10,000
	 * characters, non-ASCII), so the comparison's length never depends on the input.
	 */
	@Test
	void everyTokenIsComparedAsADigestOfOneLength() {
		for (String token : List.of("", "a", AlertTokens.newToken(), "x".repeat(10_000), "Ünïcødé 令牌 🔑")) {
			assertThat(AlertTokens.hash(token)).as("digest of a %d-character token", token.length())
				.matches("[A-Za-z0-9_-]{43}");
		}
	}

	/**
	 * The comparison is {@link java.security.MessageDigest#isEqual}, which takes the same time for any two digests
	 * of one length, and no early-exit comparison ({@code String.equals}, {@code Arrays.equals} and the like) is
	 * made on the way, neither in {@link AlertTokens#matches} nor in {@link AlertAccess#authorize} that calls it
	 * for known and unknown ids alike. Read from the compiled classes, so a refactoring that swaps the comparison
	 * fails here.
	 */
	@Test
	void tokensAreComparedWithMessageDigestIsEqualOnly() throws IOException {
		List<String> matches = calls(AlertTokens.class, "matches");
		assertThat(matches).contains("java/security/MessageDigest.isEqual", AlertTokens.class.getName().replace('.', '/') + ".hash");
		List<String> authorize = calls(AlertAccess.class, "authorize");
		assertThat(authorize).contains(AlertTokens.class.getName().replace('.', '/') + ".matches");
		for (List<String> calls : List.of(matches, authorize)) {
			assertThat(calls).noneMatch((call) -> call.endsWith(".equals") || call.endsWith(".equalsIgnoreCase")
					|| call.endsWith(".contentEquals") || call.endsWith(".compareTo") || call.endsWith(".startsWith")
					|| call.endsWith(".regionMatches") || call.endsWith(".mismatch"));
		}
	}

	/** The methods {@code method} of {@code type} calls, as {@code owner/Name.method}, from its bytecode. */
	private static List<String> calls(Class<?> type, String method) throws IOException {
		List<String> calls = new ArrayList<>();
		try (InputStream bytes = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
						String[] exceptions) {
					if (!name.equals(method)) {
						return null;
					}
					return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

						@Override
						public void visitMethodInsn(int opcode, String owner, String called, String calledDescriptor,
								boolean isInterface) {
							calls.add(owner + "." + called);
						}

					};
				}

			}, ClassReader.SKIP_DEBUG);
		}
		assertThat(calls).as("calls made by %s.%s", type.getSimpleName(), method).isNotEmpty();
		return calls;
	}

}
