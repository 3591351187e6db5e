package dev.jobs.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacTest {
  @Test
  void hmac_agreesWithTheJdksMac_forKeysShorterEqualAndLongerThanABlock() throws Exception {
    SplittableRandom random = new SplittableRandom(20261207);
    Mac mac = Mac.getInstance("HmacSHA256");
    for (int keyLength : new int[] {0, 1, 20, 32, 63, 64, 65, 100, 200}) {
      for (int run = 0; run < 20; run++) {
        byte[] key = new byte[keyLength];
        byte[] data = new byte[random.nextInt(300)];
        random.nextBytes(key);
        random.nextBytes(data);
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        if (key.length == 0) {
          // The JDK refuses an empty key; HMAC pads it with zeros, as a one-byte zero key.
          key = new byte[1];
        }
        assertThat(SigV4.hmac(key, data)).isEqualTo(mac.doFinal(data));
      }
    }
  }
}
