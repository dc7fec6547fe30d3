package io.punchsim.scenarios.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidate grid of a tune: the product of the tuned keys' values, numbered like a sweep's points
 * (the first key varies slowest). It is never built: a candidate is its number, and its coordinates
 * are each key's value index.
 */
final class Grid {
    private final int[] sizes;
    private final int size;

    Grid(List<TuneParameter> parameters) {
        this.sizes = parameters.stream().mapToInt(TuneParameter::size).toArray();
        long n = 1;
        for (int s : sizes) {
            n *= s;
        }
        if (n > TuneSpec.MAX_CANDIDATES) {
            throw new IllegalArgumentException("a grid of " + n + " candidates is more than " + TuneSpec.MAX_CANDIDATES);
        }
        this.size = (int) n;
    }

    int size() {
        return size;
    }

    int dimensions() {
        return sizes.length;
    }

    int[] coordinates(int index) {
        int[] c = new int[sizes.length];
        for (int d = sizes.length - 1; d >= 0; d--) {
            c[d] = index % sizes[d];
            index /= sizes[d];
        }
        return c;
    }

    int index(int[] coordinates) {
        int index = 0;
        for (int d = 0; d < sizes.length; d++) {
            index = index * sizes[d] + coordinates[d];
        }
        return index;
    }

    /** The candidates one value up or down in one key (lists in their written order), in key order. */
    List<Integer> neighbours(int index) {
        int[] c = coordinates(index);
        List<Integer> around = new ArrayList<>();
        for (int d = 0; d < sizes.length; d++) {
            for (int step : new int[] {-1, 1}) {
                int v = c[d] + step;
                if (v >= 0 && v < sizes[d]) {
                    int[] n = c.clone();
                    n[d] = v;
                    around.add(index(n));
                }
            }
        }
        return around;
    }

    /**
     * A space-filling first design of {@code count} candidates: the centre, then again and again the
     * candidate farthest from all chosen so far (maximin distance, each key scaled to [0, 1]), the
     * lowest number winning a tie. The corners come early, so the edges of the ranges are seen.
     */
    List<Integer> design(int count) {
        count = Math.min(count, size);
        double[] nearest = new double[size];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        List<Integer> chosen = new ArrayList<>();
        int[] centre = new int[sizes.length];
        for (int d = 0; d < sizes.length; d++) {
            centre[d] = (sizes[d] - 1) / 2;
        }
        int next = index(centre);
        while (chosen.size() < count) {
            chosen.add(next);
            double[] x = scaled(coordinates(next));
            int best = -1;
            double farthest = -1;
            for (int i = 0; i < size; i++) {
                double[] y = scaled(coordinates(i));
                double d2 = 0;
                for (int d = 0; d < x.length; d++) {
                    d2 += (x[d] - y[d]) * (x[d] - y[d]);
                }
                nearest[i] = Math.min(nearest[i], d2);
                if (nearest[i] > farthest) {
                    farthest = nearest[i];
                    best = i;
                }
            }
            if (farthest <= 0) {
                break;
            }
            next = best;
        }
        return chosen;
    }

    private double[] scaled(int[] c) {
        double[] x = new double[c.length];
        for (int d = 0; d < c.length; d++) {
            x[d] = sizes[d] == 1 ? 0 : (double) c[d] / (sizes[d] - 1);
        }
        return x;
    }
}
