package cn.cbecpilot.platform.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CartTest {

    private final Cart empty = new Cart(List.of());

    @Test
    void addingTheSameSkuAgainAddsToItsLine() {
        Cart cart = empty.plus("A", 2).plus("B", 1).plus("A", 3);

        assertThat(cart.lines()).containsExactly(new Cart.Line("A", 5), new Cart.Line("B", 1));
        assertThat(cart.units()).isEqualTo(6);
    }

    @Test
    void aLineNeverHoldsMoreThanTheCap() {
        assertThat(empty.plus("A", 998).plus("A", 5).lines()).containsExactly(new Cart.Line("A", Cart.MAX_QUANTITY));
    }

    @Test
    void settingZeroRemovesTheLineAndLeavesTheOthersInOrder() {
        Cart cart = empty.plus("A", 1).plus("B", 1).plus("C", 1).with("B", 0);

        assertThat(cart.lines()).extracting(Cart.Line::sku).containsExactly("A", "C");
    }
}
