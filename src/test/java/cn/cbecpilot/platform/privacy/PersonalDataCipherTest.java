package cn.cbecpilot.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final byte[] K1 = key(1);
    private static final byte[] K2 = key(2);

    @Test
    void sealsSoThatNothingOfThePlainValueShowsAndOpensItAgain() {
        var cipher = new PersonalDataCipher(Map.of("k1", K1), "k1");

        String sealed = cipher.seal("11010519491231002X");

        assertThat(sealed).startsWith("pd1:k1:").doesNotContain("110105").doesNotContain("1949");
        assertThat(cipher.open(sealed)).isEqualTo("11010519491231002X");
    }

    @Test
    void sealsAndOpensOnManyThreadsAtOnce() throws Exception {
        var cipher = new PersonalDataCipher(Map.of("k1", K1), "k1");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String value = "收货地址" + t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!cipher.open(cipher.seal(value + i)).equals(value + i)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> done : work) {
                assertThat(done.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        var cipher = new PersonalDataCipher(Map.of("k1", K1), "k1");

        assertThat(cipher.seal("张三")).isNotEqualTo(cipher.seal("张三"));
    }

    @Test
    void afterARotationOpensOldValuesAndSealsNewOnesWithTheNewKey() {
        String old = new PersonalDataCipher(Map.of("k1", K1), "k1").seal("北京市朝阳区建国路88号");
        var rotated = new PersonalDataCipher(Map.of("k1", K1, "k2", K2), "k2");

        assertThat(rotated.open(old)).isEqualTo("北京市朝阳区建国路88号");
        assertThat(rotated.isStale(old)).isTrue();
        assertThat(rotated.seal("x")).startsWith("pd1:k2:");
        assertThat(rotated.isStale(rotated.seal("x"))).isFalse();
    }

    @Test
    void refusesATamperedValue() {
        var cipher = new PersonalDataCipher(Map.of("k1", K1), "k1");
        String sealed = cipher.seal("13812345678");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.open(tampered)).hasMessageContaining("tampered");
        // the thread's cipher is used again after the failure
        assertThat(cipher.open(sealed)).isEqualTo("13812345678");
        assertThat(cipher.open(cipher.seal("张三"))).isEqualTo("张三");
    }

    @Test
    void refusesAValueMovedUnderAnotherKeyId() {
        var cipher = new PersonalDataCipher(Map.of("k1", K1, "k2", K1), "k1");
        String moved = cipher.seal("张三").replace("pd1:k1:", "pd1:k2:");

        assertThatThrownBy(() -> cipher.open(moved)).hasMessageContaining("tampered");
    }

    @Test
    void refusesAValueSealedWithAnUnknownKey() {
        String sealed = new PersonalDataCipher(Map.of("k9", K2), "k9").seal("张三");

        assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", K1), "k1").open(sealed))
                .hasMessageContaining("'k9'");
    }

    @Test
    void refusesKeysOfTheWrongLengthAndACurrentKeyOutsideTheRing() {
        assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", new byte[16]), "k1"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", K1), "k2"))
                .hasMessageContaining("not in the key ring");
    }

    @Test
    void leavesAbsentValuesAbsent() {
        var cipher = new PersonalDataCipher(Map.of("k1", K1), "k1");

        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
