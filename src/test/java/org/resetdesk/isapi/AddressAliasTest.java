package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressAliasTest {

    @Test
    void neededOnlyOutsideThePortSubnet() {
        assertThat(AddressAlias.needed("192.168.1.10/24", "192.168.1.64")).isFalse();
        assertThat(AddressAlias.needed("192.168.1.10/24", "192.0.0.64")).isTrue();
        assertThat(AddressAlias.needed("10.0.0.5/8", "10.200.3.4")).isFalse();
        assertThat(AddressAlias.needed("172.16.5.1/30", "172.16.5.3")).isFalse();
        assertThat(AddressAlias.needed("172.16.5.1/30", "172.16.5.4")).isTrue();
    }

    @Test
    void candidatesAvoidTheRecorderAndItsGateway() {
        assertThat(AddressAlias.candidates("192.0.0.64", "255.255.255.0", "192.0.0.254"))
                .containsExactly("192.0.0.253/24", "192.0.0.252/24", "192.0.0.251/24");
        assertThat(AddressAlias.candidates("10.1.2.254", "255.255.255.252", null)).containsExactly("10.1.2.253/30");
        assertThat(AddressAlias.candidates("192.168.7.9", null, "0.0.0.0")).first().isEqualTo("192.168.7.254/24");
        assertThatThrownBy(() -> AddressAlias.candidates("192.168.7.9", "255.0.255.0", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidatesStayInsideTheSubnetForRandomAddresses() {
        Random random = new Random(6L);
        for (int i = 0; i < 2000; i++) {
            int prefix = 8 + random.nextInt(23);
            int ip = random.nextInt();
            int mask = -1 << (32 - prefix);
            String ipText = Ipv4.format(ip);
            for (String c : AddressAlias.candidates(ipText, Ipv4.format(mask), null)) {
                int a = Ipv4.parse(c.substring(0, c.indexOf('/')));
                assertThat(a & mask).isEqualTo(ip & mask);
                assertThat(a).isNotEqualTo(ip).isNotEqualTo(ip & mask).isNotEqualTo(ip | ~mask);
                assertThat(AddressAlias.needed(c, ipText)).isFalse();
            }
        }
    }

    @Test
    void thePortAddressIsReadFromTheInterface() {
        assertThat(IsapiConnector.portCidr("lo")).isEqualTo("127.0.0.1/8");
        assertThatThrownBy(() -> IsapiConnector.portCidr("rdisapi-none0")).hasMessageContaining("does not exist");
        assertThat(AddressAlias.standard("eth1")).isNotNull();
    }

    @Test
    void aMissingHelperGivesAClearMessage() {
        AddressAlias alias = new AddressAlias(List.of("sudo", "-n", "/usr/lib/resetdesk-test-absent/resetdesk-alias"),
                "eth1", Duration.ofSeconds(5));
        var e = catchThrowableOfType(AddressAlias.AliasException.class, () -> alias.borrow(List.of("192.0.0.254/24")));
        assertThat(e.kind()).isEqualTo(AddressAlias.AliasException.Kind.HELPER_MISSING);
        assertThat(e.getMessage()).contains("not installed").contains("resetdesk-alias");
        AddressAlias noSuchProgram = new AddressAlias(List.of("resetdesk-alias-not-on-path"), "eth1",
                Duration.ofSeconds(5));
        assertThat(catchThrowableOfType(AddressAlias.AliasException.class,
                () -> noSuchProgram.borrow(List.of("192.0.0.254/24"))).kind())
                .isEqualTo(AddressAlias.AliasException.Kind.HELPER_MISSING);
    }
}
