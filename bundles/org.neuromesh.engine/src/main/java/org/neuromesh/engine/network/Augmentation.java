package org.neuromesh.engine.network;

import java.util.Locale;

/**
 * How training images are varied each time they are drawn: shifted by up to {@code maxShift} pixels along each
 * axis (uniformly, independently; the pixels moved in are 0), and, with {@code flip}, mirrored left to right
 * half of the time. Labels never change. Applied to training samples only, never to test samples.
 *
 * @param maxShift largest shift in pixels along each axis, 0..8 (0: no shift)
 * @param flip whether images are mirrored left to right with probability 1/2 (for classes that are symmetric
 *        that way, as Fashion-MNIST's clothes are; not for digits)
 */
public record Augmentation(int maxShift, boolean flip) {

    /** The largest shift accepted. */
    public static final int MAX_SHIFT = 8;

    /** Images as they are. */
    public static final Augmentation NONE = new Augmentation(0, false);

    /** What {@code --augment shift} means: random translations of up to 2 pixels along each axis. */
    public static final Augmentation SHIFT = new Augmentation(2, false);

    /** What {@code --augment shift-flip} means: {@link #SHIFT} and a random left-right mirror. */
    public static final Augmentation SHIFT_FLIP = new Augmentation(2, true);

    public Augmentation {
        if (maxShift < 0 || maxShift > MAX_SHIFT) {
            throw new IllegalArgumentException("the shift must be 0.." + MAX_SHIFT + " pixels, got " + maxShift);
        }
    }

    /**
     * @param name {@code none}, {@code flip}, {@code shift} or {@code shift-flip} (shifts of up to 2 pixels), or
     *        {@code shift:N} / {@code shift-flip:N} for shifts of up to N pixels, N in 1..8
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Augmentation fromName(String name) {
        String value = name.trim().toLowerCase(Locale.ROOT);
        int colon = value.indexOf(':');
        String kind = colon < 0 ? value : value.substring(0, colon);
        int shift = SHIFT.maxShift();
        if (colon >= 0) {
            if (!kind.equals("shift") && !kind.equals("shift-flip")) {
                throw new IllegalArgumentException("only shift and shift-flip take a number of pixels, got '"
                        + name + "'");
            }
            try {
                shift = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the shift in '" + name + "' must be a whole number of pixels, "
                        + "1.." + MAX_SHIFT);
            }
            if (shift < 1 || shift > MAX_SHIFT) {
                throw new IllegalArgumentException("the shift in '" + name + "' must be 1.." + MAX_SHIFT
                        + " pixels, got " + shift);
            }
        }
        return switch (kind) {
            case "none" -> NONE;
            case "flip" -> new Augmentation(0, true);
            case "shift" -> new Augmentation(shift, false);
            case "shift-flip" -> new Augmentation(shift, true);
            default -> throw new IllegalArgumentException("augmentation must be one of none, flip, shift[:N], "
                    + "shift-flip[:N]; got '" + name + "'");
        };
    }

    /** Whether this changes anything. */
    public boolean active() {
        return maxShift > 0 || flip;
    }

    /** The name {@link #fromName} takes for this augmentation. */
    public String id() {
        if (maxShift == 0) {
            return flip ? "flip" : "none";
        }
        String kind = flip ? "shift-flip" : "shift";
        return maxShift == SHIFT.maxShift() ? kind : kind + ":" + maxShift;
    }
}
