//! The PDQ algorithm on a float luma buffer, step for step as Meta's C++ reference computes it
//! (same float operations in the same order), so that the bits come out identical.
//!
//! 1. Jarosz filter: two passes of a box filter along rows then along columns, with window
//!    `ceil(dimension / 128)`, and the reference's shrinking windows at the edges.
//! 2. Decimation to 64x64 at the centres of the target cells.
//! 3. Quality: sum of quantised gradients of the 64x64 image, scaled to 0..=100.
//! 4. DCT: frequencies 1..=16 in both directions (a 16x64 matrix applied on both sides).
//! 5. Bits: a coefficient above the median of the 256 sets its bit.
//!
//! The second filter pass only computes the filtered values that the decimation reads. The
//! arithmetic for those values is unchanged, so the result is still bit-exact.

use std::cell::RefCell;
use std::sync::LazyLock;

use crate::hash::{Dihedral, PdqHash};

/// Images with a side below this many pixels hash to zero with quality 0, as in the reference.
pub const MIN_HASHABLE_SIDE: usize = 5;
/// Side of the downsampled image that the DCT reads.
const DOWNSAMPLED: usize = 64;
/// Side of the block of DCT coefficients that makes the hash.
const DCT_SIDE: usize = 16;
/// Index of the median in the sorted 256 coefficients (the reference takes the lower median).
const MEDIAN_RANK: usize = DCT_SIDE * DCT_SIDE / 2 - 1;
/// Rows filtered together in the row pass, interleaved so that their running sums form one
/// vector.
const LANES: usize = 8;

/// The 16x16 DCT coefficients of an image and its quality: everything the hashes derive from.
#[derive(Debug, Clone)]
pub(crate) struct Spectrum {
    coefficients: [[f32; DCT_SIDE]; DCT_SIDE],
    quality: u8,
}

impl Spectrum {
    /// Reference quality score, 0..=100.
    pub(crate) fn quality(&self) -> u8 {
        self.quality
    }

    /// The hash of the image, or of one of its rotations or mirror images. The symmetry is
    /// applied to the DCT coefficients (sign changes and a transpose), as the reference does.
    pub(crate) fn hash(&self, dihedral: Dihedral) -> PdqHash {
        let (transpose, negate_even_rows, negate_even_columns) = dct_symmetry(dihedral);
        let mut transformed = [[0f32; DCT_SIDE]; DCT_SIDE];
        for (i, row) in self.coefficients.iter().enumerate() {
            for (j, &value) in row.iter().enumerate() {
                // Index i holds frequency i + 1, so an even index is an odd frequency: the
                // coefficients that change sign when the image is mirrored along that axis.
                let flips = usize::from(negate_even_rows && i % 2 == 0)
                    + usize::from(negate_even_columns && j % 2 == 0);
                let value = if flips == 1 { -value } else { value };
                if transpose {
                    transformed[j][i] = value;
                } else {
                    transformed[i][j] = value;
                }
            }
        }
        bits_above_median(&transformed)
    }
}

/// How each symmetry acts on the DCT block: (transpose, negate even rows, negate even columns).
/// Mirroring negates the odd frequencies of one axis; a quarter turn is a transpose plus a mirror.
const fn dct_symmetry(dihedral: Dihedral) -> (bool, bool, bool) {
    match dihedral {
        Dihedral::Original => (false, false, false),
        Dihedral::Rotate90 => (true, false, true),
        Dihedral::Rotate180 => (false, true, true),
        Dihedral::Rotate270 => (true, true, false),
        Dihedral::FlipX => (false, true, false),
        Dihedral::FlipY => (false, false, true),
        Dihedral::FlipPlus => (true, false, false),
        Dihedral::FlipMinus => (true, true, true),
    }
}

fn bits_above_median(coefficients: &[[f32; DCT_SIDE]; DCT_SIDE]) -> PdqHash {
    let mut sorted = [0f32; DCT_SIDE * DCT_SIDE];
    for (slot, &value) in sorted.iter_mut().zip(coefficients.iter().flatten()) {
        *slot = value;
    }
    let (_, &mut median, _) = sorted.select_nth_unstable_by(MEDIAN_RANK, f32::total_cmp);
    let mut hash = PdqHash::ZERO;
    for (index, &value) in coefficients.iter().flatten().enumerate() {
        if value > median {
            hash.set_bit(index);
        }
    }
    hash
}

/// Reusable buffers, one set per thread, so hashing does not allocate after warm-up.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Luma of the image being hashed (filled by the image front end).
    pub(crate) luma: Vec<f32>,
    after_rows: Vec<f32>,
    after_columns: Vec<f32>,
    selected_columns: Vec<f32>,
    column_sums: Vec<f32>,
    row_lanes: RowLanes,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Buffers above this many values (a 2048x2048 image) are freed after use rather than kept by
/// the thread, so that one huge image does not pin hundreds of megabytes.
const KEPT_SCRATCH_VALUES: usize = 1 << 22;

/// Runs `work` with this thread's scratch buffers.
pub(crate) fn with_scratch<T>(work: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with_borrow_mut(|scratch| {
        let result = work(scratch);
        scratch.free_large_buffers();
        result
    })
}

impl Scratch {
    fn free_large_buffers(&mut self) {
        for buffer in [
            &mut self.luma,
            &mut self.after_rows,
            &mut self.after_columns,
            &mut self.selected_columns,
        ] {
            if buffer.capacity() > KEPT_SCRATCH_VALUES {
                *buffer = Vec::new();
            }
        }
    }
}

/// Computes the spectrum of a `width` x `height` row-major luma buffer (`luma.len()` must be
/// `width * height`). Returns `None` for images with a side under [`MIN_HASHABLE_SIDE`].
pub(crate) fn spectrum_of_luma(
    luma: &[f32],
    width: usize,
    height: usize,
    scratch: &mut Scratch,
) -> Option<Spectrum> {
    if width < MIN_HASHABLE_SIDE || height < MIN_HASHABLE_SIDE {
        return None;
    }
    let downsampled = jarosz_downsample(luma, width, height, scratch);
    let quality = quality_of(&downsampled);
    Some(Spectrum {
        coefficients: dct_64_to_16(&downsampled),
        quality,
    })
}

/// Like [`spectrum_of_luma`] with the luma held in `scratch.luma`.
pub(crate) fn spectrum_of_scratch_luma(
    width: usize,
    height: usize,
    scratch: &mut Scratch,
) -> Option<Spectrum> {
    let luma = std::mem::take(&mut scratch.luma);
    let spectrum = spectrum_of_luma(&luma, width, height, scratch);
    scratch.luma = luma;
    spectrum
}

/// Window of the box filter along a side of `length` pixels: `ceil(length / 128)`, so that two
/// passes cover one 64th of the side.
fn jarosz_window(length: usize) -> usize {
    length.div_ceil(2 * DOWNSAMPLED)
}

/// Where the decimation samples a side of `length` pixels: the centre of each of 64 cells,
/// `floor((i + 0.5) * length / 64)`, computed exactly in integers.
fn decimation_indices(length: usize) -> [usize; DOWNSAMPLED] {
    std::array::from_fn(|i| (2 * i + 1) * length / (2 * DOWNSAMPLED))
}

/// Blurs with two Jarosz passes and decimates to 64x64.
fn jarosz_downsample(
    luma: &[f32],
    width: usize,
    height: usize,
    scratch: &mut Scratch,
) -> [[f32; DOWNSAMPLED]; DOWNSAMPLED] {
    let row_window = jarosz_window(width);
    let column_window = jarosz_window(height);
    let sample_columns = decimation_indices(width);
    let sample_rows = decimation_indices(height);

    let pixels = width * height;
    scratch.after_rows.resize(pixels, 0.0);
    scratch.after_columns.resize(pixels, 0.0);
    scratch.selected_columns.resize(height * DOWNSAMPLED, 0.0);

    // First pass, every value.
    filter_rows(
        luma,
        width,
        row_window,
        &mut scratch.after_rows,
        Outputs::All,
        &mut scratch.row_lanes,
    );
    filter_columns(
        &scratch.after_rows,
        width,
        height,
        column_window,
        &mut scratch.column_sums,
        &mut scratch.after_columns,
        Outputs::All,
    );
    // Second pass: the rows only at the 64 sampled columns, then those 64 columns only at the
    // 64 sampled rows.
    filter_rows(
        &scratch.after_columns,
        width,
        row_window,
        &mut scratch.selected_columns,
        Outputs::Selected(&sample_columns),
        &mut scratch.row_lanes,
    );
    let mut downsampled = [[0f32; DOWNSAMPLED]; DOWNSAMPLED];
    filter_columns(
        &scratch.selected_columns,
        DOWNSAMPLED,
        height,
        column_window,
        &mut scratch.column_sums,
        downsampled.as_flattened_mut(),
        Outputs::Selected(&sample_rows),
    );
    downsampled
}

/// Which outputs of a 1-D box filter to keep.
#[derive(Clone, Copy)]
enum Outputs<'a> {
    /// Every position, in place.
    All,
    /// Only these positions (ascending, repeats allowed), packed one after the other.
    Selected(&'a [usize]),
}

/// Destination of a box filter: a running sum that can take in or drop a sample and write
/// the current mean.
trait RunningSum {
    fn add(&mut self, index: usize);
    fn subtract(&mut self, index: usize);
    fn emit(&mut self, output_index: usize, window: f32);
}

/// The reference's 1-D box filter over `length` samples with a window of `window` (at most
/// `length`): centred windows, shrinking near both ends, one running sum updated by adding the
/// entering sample and then subtracting the leaving one, mean = sum / samples in the window.
fn box_filter(length: usize, window: usize, sum: &mut impl RunningSum) {
    let half_window = (window + 2) / 2;
    let mut entering = 0;
    let mut leaving = 0;
    let mut output = 0;
    let mut samples = 0usize;
    for _ in 0..half_window - 1 {
        sum.add(entering);
        entering += 1;
        samples += 1;
    }
    for _ in 0..window + 1 - half_window {
        sum.add(entering);
        entering += 1;
        samples += 1;
        sum.emit(output, samples as f32);
        output += 1;
    }
    for _ in 0..length - window {
        sum.add(entering);
        sum.subtract(leaving);
        entering += 1;
        leaving += 1;
        sum.emit(output, samples as f32);
        output += 1;
    }
    for _ in 0..half_window - 1 {
        sum.subtract(leaving);
        leaving += 1;
        samples -= 1;
        sum.emit(output, samples as f32);
        output += 1;
    }
}

/// Box filter along [`LANES`] rows at once. The rows are interleaved first, so that each step
/// of the running sums works on `LANES` adjacent values (one SIMD operation per step) while
/// every lane still does exactly the scalar sequence of operations.
struct InterleavedRows<'a> {
    input: &'a [[f32; LANES]],
    output: &'a mut [[f32; LANES]],
    outputs: Outputs<'a>,
    next_selected: usize,
    sums: [f32; LANES],
}

impl RunningSum for InterleavedRows<'_> {
    #[inline(always)]
    fn add(&mut self, index: usize) {
        let values = &self.input[index];
        for (sum, value) in self.sums.iter_mut().zip(values) {
            *sum += value;
        }
    }

    #[inline(always)]
    fn subtract(&mut self, index: usize) {
        let values = &self.input[index];
        for (sum, value) in self.sums.iter_mut().zip(values) {
            *sum -= value;
        }
    }

    #[inline(always)]
    fn emit(&mut self, output_index: usize, window: f32) {
        let means = self.sums.map(|sum| sum / window);
        match self.outputs {
            Outputs::All => self.output[output_index] = means,
            Outputs::Selected(indices) => {
                while indices.get(self.next_selected) == Some(&output_index) {
                    self.output[self.next_selected] = means;
                    self.next_selected += 1;
                }
            }
        }
    }
}

/// Box-filters every row of `input` (rows of `width`) into `output`, whose rows hold either
/// `width` values ([`Outputs::All`]) or one value per selected column. `lanes` is scratch.
fn filter_rows(
    input: &[f32],
    width: usize,
    window: usize,
    output: &mut [f32],
    outputs: Outputs<'_>,
    lanes: &mut RowLanes,
) {
    let output_width = match outputs {
        Outputs::All => width,
        Outputs::Selected(indices) => indices.len(),
    };
    lanes.input.resize(width, [0.0; LANES]);
    lanes.output.resize(output_width, [0.0; LANES]);
    for (input_rows, output_rows) in input
        .chunks(LANES * width)
        .zip(output.chunks_mut(LANES * output_width))
    {
        // A last, partial block leaves its extra lanes at zero; they are never written back.
        lanes.input.fill([0.0; LANES]);
        for (lane, row) in input_rows.chunks_exact(width).enumerate() {
            for (slot, &value) in lanes.input.iter_mut().zip(row) {
                slot[lane] = value;
            }
        }
        let mut rows = InterleavedRows {
            input: &lanes.input,
            output: &mut lanes.output,
            outputs,
            next_selected: 0,
            sums: [0.0; LANES],
        };
        box_filter(width, window, &mut rows);
        for (lane, row) in output_rows.chunks_exact_mut(output_width).enumerate() {
            for (value, slot) in row.iter_mut().zip(lanes.output.iter()) {
                *value = slot[lane];
            }
        }
    }
}

/// Interleaving buffers of [`filter_rows`].
#[derive(Default)]
pub(crate) struct RowLanes {
    input: Vec<[f32; LANES]>,
    output: Vec<[f32; LANES]>,
}

/// Box filter down every column at once: one running sum per column, updated a row at a time.
struct ColumnSums<'a> {
    input: &'a [f32],
    width: usize,
    sums: &'a mut [f32],
    output: &'a mut [f32],
    outputs: Outputs<'a>,
    next_selected: usize,
}

impl RunningSum for ColumnSums<'_> {
    #[inline(always)]
    fn add(&mut self, index: usize) {
        let row = &self.input[index * self.width..(index + 1) * self.width];
        for (sum, value) in self.sums.iter_mut().zip(row) {
            *sum += value;
        }
    }

    #[inline(always)]
    fn subtract(&mut self, index: usize) {
        let row = &self.input[index * self.width..(index + 1) * self.width];
        for (sum, value) in self.sums.iter_mut().zip(row) {
            *sum -= value;
        }
    }

    #[inline(always)]
    fn emit(&mut self, output_index: usize, window: f32) {
        match self.outputs {
            Outputs::All => self.write_means(output_index, window),
            Outputs::Selected(indices) => {
                while indices.get(self.next_selected) == Some(&output_index) {
                    self.write_means(self.next_selected, window);
                    self.next_selected += 1;
                }
            }
        }
    }
}

impl ColumnSums<'_> {
    /// Writes the current means of all columns as output row `slot`.
    #[inline(always)]
    fn write_means(&mut self, slot: usize, window: f32) {
        let out_row = &mut self.output[slot * self.width..(slot + 1) * self.width];
        for (out, sum) in out_row.iter_mut().zip(self.sums.iter()) {
            *out = sum / window;
        }
    }
}

/// Box-filters every column of `input` (`height` rows of `width`) into `output`, which holds
/// either all rows ([`Outputs::All`]) or the selected rows one after the other.
fn filter_columns(
    input: &[f32],
    width: usize,
    height: usize,
    window: usize,
    sums: &mut Vec<f32>,
    output: &mut [f32],
    outputs: Outputs<'_>,
) {
    sums.clear();
    sums.resize(width, 0.0);
    let mut columns = ColumnSums {
        input,
        width,
        sums,
        output,
        outputs,
        next_selected: 0,
    };
    box_filter(height, window, &mut columns);
}

/// Reference quality: sum over neighbouring pairs of `trunc((u - v) * 100 / 255)` in absolute
/// value, divided by 90, capped at 100.
fn quality_of(downsampled: &[[f32; DOWNSAMPLED]; DOWNSAMPLED]) -> u8 {
    let step = |u: f32, v: f32| u64::from(((((u - v) * 100.0) / 255.0) as i32).unsigned_abs());
    let mut gradient_sum = 0u64;
    for pair in downsampled.windows(2) {
        for (&u, &v) in pair[0].iter().zip(pair[1].iter()) {
            gradient_sum += step(u, v);
        }
    }
    for row in downsampled {
        for pair in row.windows(2) {
            gradient_sum += step(pair[0], pair[1]);
        }
    }
    (gradient_sum / 90).min(100) as u8
}

/// The 16x64 DCT-II basis for frequencies 1..=16, and its transpose.
struct DctMatrix {
    rows: [[f32; DOWNSAMPLED]; DCT_SIDE],
    transposed: [[f32; DCT_SIDE]; DOWNSAMPLED],
}

static DCT: LazyLock<DctMatrix> = LazyLock::new(|| {
    // The reference stores the scale as float, then multiplies in double and rounds to float.
    let scale = f64::from((2.0f64 / DOWNSAMPLED as f64).sqrt() as f32);
    let mut rows = [[0f32; DOWNSAMPLED]; DCT_SIDE];
    let mut transposed = [[0f32; DCT_SIDE]; DOWNSAMPLED];
    for (i, row) in rows.iter_mut().enumerate() {
        for (j, value) in row.iter_mut().enumerate() {
            let angle = std::f64::consts::PI / 2.0 / DOWNSAMPLED as f64
                * (i + 1) as f64
                * (2 * j + 1) as f64;
            *value = (scale * angle.cos()) as f32;
            transposed[j][i] = *value;
        }
    }
    DctMatrix { rows, transposed }
});

/// `D A Dᵀ` with D the 16x64 basis, summing in the reference's order (index ascending).
fn dct_64_to_16(input: &[[f32; DOWNSAMPLED]; DOWNSAMPLED]) -> [[f32; DCT_SIDE]; DCT_SIDE] {
    let dct = &*DCT;
    let mut partial = [[0f32; DOWNSAMPLED]; DCT_SIDE];
    for (partial_row, basis_row) in partial.iter_mut().zip(dct.rows.iter()) {
        for (&basis, input_row) in basis_row.iter().zip(input.iter()) {
            for (sum, &value) in partial_row.iter_mut().zip(input_row.iter()) {
                *sum += basis * value;
            }
        }
    }
    let mut output = [[0f32; DCT_SIDE]; DCT_SIDE];
    for (output_row, partial_row) in output.iter_mut().zip(partial.iter()) {
        for (&value, basis_column) in partial_row.iter().zip(dct.transposed.iter()) {
            for (sum, &basis) in output_row.iter_mut().zip(basis_column.iter()) {
                *sum += value * basis;
            }
        }
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scalar running sum over a vector, recording (sum, samples) at each output.
    struct Recorder {
        input: Vec<f32>,
        sum: f32,
        outputs: Vec<(f32, f32)>,
    }

    impl RunningSum for Recorder {
        fn add(&mut self, index: usize) {
            self.sum += self.input[index];
        }
        fn subtract(&mut self, index: usize) {
            self.sum -= self.input[index];
        }
        fn emit(&mut self, output_index: usize, window: f32) {
            assert_eq!(output_index, self.outputs.len());
            self.outputs.push((self.sum, window));
        }
    }

    fn record(length: usize, window: usize) -> Vec<(f32, f32)> {
        let mut recorder = Recorder {
            input: (0..length).map(|value| value as f32).collect(),
            sum: 0.0,
            outputs: Vec::new(),
        };
        box_filter(length, window, &mut recorder);
        recorder.outputs
    }

    /// The worked examples in the reference's documentation of its box filter: 16 samples
    /// 0..=15 with windows of 7 and 8.
    #[test]
    fn box_filter_windows_match_the_reference_examples() {
        let sums = |outputs: &[(f32, f32)]| outputs.iter().map(|&(sum, _)| sum).collect::<Vec<_>>();
        let samples = |outputs: &[(f32, f32)]| outputs.iter().map(|&(_, n)| n).collect::<Vec<_>>();
        let seven = record(16, 7);
        assert_eq!(
            sums(&seven),
            [
                6., 10., 15., 21., 28., 35., 42., 49., 56., 63., 70., 77., 84., 75., 65., 54.
            ]
        );
        assert_eq!(
            samples(&seven),
            [
                4., 5., 6., 7., 7., 7., 7., 7., 7., 7., 7., 7., 7., 6., 5., 4.
            ]
        );
        let eight = record(16, 8);
        assert_eq!(
            sums(&eight),
            [
                10., 15., 21., 28., 36., 44., 52., 60., 68., 76., 84., 92., 84., 75., 65., 54.
            ]
        );
        assert_eq!(
            samples(&eight),
            [
                5., 6., 7., 8., 8., 8., 8., 8., 8., 8., 8., 8., 7., 6., 5., 4.
            ]
        );
    }

    #[test]
    fn window_one_is_the_identity_and_windows_never_exceed_the_side() {
        assert_eq!(
            record(5, 1),
            (0..5).map(|v| (v as f32, 1.0)).collect::<Vec<_>>()
        );
        for length in MIN_HASHABLE_SIDE..2000 {
            let window = jarosz_window(length);
            assert!((1..=length).contains(&window), "{length}");
            assert_eq!(record(length, window).len(), length);
        }
    }

    #[test]
    fn decimation_samples_cell_centres() {
        let indices = decimation_indices(512);
        assert_eq!((indices[0], indices[1], indices[63]), (4, 12, 508));
        assert_eq!(decimation_indices(64), std::array::from_fn(|i| i));
    }
}
