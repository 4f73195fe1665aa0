package dev.agenttraces.traces.trace.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StepTreeTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static StepLink link(int seq, Integer parent, int second) {
        return new StepLink(seq, parent, T0.plusSeconds(second), 10, new BigDecimal("0.01"), 500L);
    }

    @Test
    void showsChildrenUnderTheirParentsInStartOrderWhateverOrderTheyArrivedIn() {
        // OTLP numbers spans as they arrive: the tool (1) and its result (2) before their LLM call (3).
        StepTree tree = new StepTree(List.of(link(1, 3, 3), link(2, 1, 4), link(3, null, 1), link(4, null, 6),
                link(5, 4, 7), link(6, 3, 2)));
        assertThat(tree.visible(Set.of())).containsExactly(3, 6, 1, 2, 4, 5);
        assertThat(List.of(tree.depth(3), tree.depth(6), tree.depth(1), tree.depth(2), tree.depth(4)))
                .containsExactly(0, 1, 1, 2, 0);
        assertThat(tree.hasChildren(3)).isTrue();
        assertThat(tree.hasChildren(6)).isFalse();
        assertThat(tree.ancestors(2)).containsExactly(1, 3);
    }

    @Test
    void sumsEachBranchSoACollapsedOneStillSaysWhatItCost() {
        StepTree tree = new StepTree(List.of(link(1, null, 0), link(2, 1, 1), link(3, 2, 2),
                new StepLink(4, 1, T0.plusSeconds(10), 5, null, 2_000L), link(5, null, 3)));
        assertThat(tree.branch(1)).isEqualTo(new BranchTotals(35, new BigDecimal("0.03"), 1, 12_000));
        assertThat(tree.branch(2)).isEqualTo(new BranchTotals(20, new BigDecimal("0.02"), 0, 1_500));
        assertThat(tree.branch(3)).as("a leaf has no branch").isNull();
    }

    @Test
    void collapsedBranchesHideTheirDescendants() {
        StepTree tree = new StepTree(List.of(link(1, null, 0), link(2, 1, 1), link(3, 2, 2), link(4, null, 3)));
        assertThat(tree.visible(Set.of(1))).containsExactly(1, 4);
        assertThat(tree.visible(Set.of(2))).containsExactly(1, 2, 4);
        assertThat(tree.visible(Set.of(4))).as("a leaf has nothing to hide").containsExactly(1, 2, 3, 4);
    }

    @Test
    void missingParentsAndCyclesNeverHideAStep() {
        StepTree tree = new StepTree(List.of(link(1, 99, 0), link(2, 3, 1), link(3, 2, 2), link(4, 4, 3)));
        assertThat(tree.visible(Set.of())).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(tree.depth(1)).isZero();
        assertThat(tree.depth(4)).isZero();
    }

    @Test
    void aVeryDeepTreeDoesNotOverflowTheStack() {
        List<StepLink> chain = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            chain.add(link(i, i == 1 ? null : i - 1, i));
        }
        StepTree tree = new StepTree(chain);
        assertThat(tree.size()).isEqualTo(100_000);
        assertThat(tree.depth(100_000)).isEqualTo(99_999);
        assertThat(tree.visible(Set.of(1))).containsExactly(1);
    }

    @Test
    void aTwoHundredThousandStepTreeOrdersItsTwentyThousandBranches() {
        // The views benchmark's shape: every tenth step an LLM call, the nine after it under it.
        List<StepLink> links = new ArrayList<>();
        for (int seq = 1; seq <= 200_000; seq++) {
            Integer parent = seq % 10 == 0 || seq < 10 ? null : seq - seq % 10;
            links.add(link(seq, parent, seq));
        }
        StepTree tree = new StepTree(links);
        List<Integer> shown = tree.visible(Set.of());
        assertThat(shown).hasSize(200_000);
        assertThat(shown.subList(0, 12)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(tree.depth(11)).isEqualTo(1);
        assertThat(tree.branch(10)).isEqualTo(new BranchTotals(100, new BigDecimal("0.10"), 0, 9_500));
        assertThat(tree.visible(Set.of(10, 199_990))).hasSize(200_000 - 18);
        assertThat(shown.indexOf(20)).isEqualTo(19);
        assertThat(tree.ancestors(199_999)).containsExactly(199_990);
    }
}
