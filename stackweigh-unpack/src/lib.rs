//! LZMA decoding, after Igor Pavlov's reference decoder (`LzmaSpec.cpp`), for the wasm
//! inlined in `stackweigh.js`.
//!
//! The script carries the widget's module packed and base64-encoded: base64 over the raw
//! module would hide from the host's gzip the patterns it finds in wasm, a quarter more
//! bytes on the wire, while base64 over packed bytes costs almost nothing after gzip.
//! LZMA packs our module smaller than the best DEFLATE does. It is slower to unpack,
//! because it decodes bit by bit, but that runs once per page, and the bytes it saves take
//! longer than that to send on most links (the figures: docs/performance.md).
//!
//! Unpacking must be synchronous (`DecompressionStream` is asynchronous, has no LZMA, and
//! its result waits behind the page's first layout and paint), so the decoder is built as
//! its own small module.
//!
//! In the browser (`cargo xtask dist` builds it for wasm32) the caller copies the packed
//! bytes to `base()` and calls `unpack`; the module follows them. Natively it
//! is a plain library, tested against liblzma.
//!
//! The input is the `.lzma` format (LZMA_Alone): a properties byte, the dictionary size
//! and the unpacked size, then the range-coded stream. The output is one buffer that
//! matches may reach anywhere back into, so the dictionary size goes unread.
//!
//! No index here can fail a bounds check, so the module holds no panic: one would bring
//! Rust's number formatting with it, a third of the unpacker's bytes (`cargo xtask dist`
//! refuses an unpacker that can panic). Tables are sized in powers of two and indices
//! masked to them where the compiler cannot see the bound; the output is reached with
//! `get`, and a reach outside it is [`Damage`].

#![cfg_attr(target_arch = "wasm32", no_std)]

/// Why a stream was refused. The codes are what `unpack` returns to the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// The stream needed bytes past its end.
    EndsEarly = 1,
    /// The header is cut short, its properties byte is not one LZMA has, or it names more
    /// literal contexts than this decoder has room for.
    BadHeader = 2,
    /// The range coder's first byte is not 0, or it did not end cleanly.
    BadRangeCoder = 3,
    /// A match reaches back before the start of the output.
    BadDistance = 4,
    /// More output than the caller expected.
    TooLong = 5,
    /// The stream ends before the expected length, or its header states another one.
    WrongLength = 6,
}

/// lc + lp above this would need more than 16 literal contexts. liblzma's
/// LZMA2 has the same limit; our encoder uses lc = 3, lp = 0.
const MAX_LITERAL_BITS: u32 = 4;
const HEADER_LEN: usize = 13;
const PROB_INIT: u16 = 1024;
/// LZMA has 12 states; the tables keep 16 rows so that a state is masked into range.
const STATE_ROWS: usize = 16;
const POS_STATES_MAX: usize = 16;
const END_POS_MODEL: usize = 14;
const FULL_DISTANCES: usize = 128;
const ALIGN_BITS: u32 = 4;
const MATCH_MIN_LEN: usize = 2;

/// Probabilities of the length coder: one for matches, one for repeats.
struct LengthModel {
    choice: u16,
    choice2: u16,
    low: [[u16; 8]; POS_STATES_MAX],
    mid: [[u16; 8]; POS_STATES_MAX],
    high: [u16; 256],
}

impl LengthModel {
    const fn new() -> LengthModel {
        LengthModel {
            choice: 0,
            choice2: 0,
            low: [[0; 8]; POS_STATES_MAX],
            mid: [[0; 8]; POS_STATES_MAX],
            high: [0; 256],
        }
    }

    fn reset(&mut self) {
        self.choice = PROB_INIT;
        self.choice2 = PROB_INIT;
        self.low.as_flattened_mut().fill(PROB_INIT);
        self.mid.as_flattened_mut().fill(PROB_INIT);
        self.high.fill(PROB_INIT);
    }

    fn decode(&mut self, rc: &mut RangeDecoder, pos_state: usize) -> usize {
        let pos_state = pos_state & (POS_STATES_MAX - 1);
        if rc.bit(&mut self.choice) == 0 {
            return rc.tree(&mut self.low[pos_state], 3);
        }
        if rc.bit(&mut self.choice2) == 0 {
            return 8 + rc.tree(&mut self.mid[pos_state], 3);
        }
        16 + rc.tree(&mut self.high, 8)
    }
}

/// Every adaptive probability the decoder keeps: about 28 KB, so it lives in a static
/// in the browser rather than on the module's small stack.
pub struct Model {
    /// Per literal context, three bit trees: one for a literal coded alone, and, after a
    /// match, one each for the match's next bit being 0 or 1.
    literal: [[[u16; 0x100]; 3]; 1 << MAX_LITERAL_BITS],
    is_match: [[u16; POS_STATES_MAX]; STATE_ROWS],
    is_rep: [u16; STATE_ROWS],
    is_rep_g0: [u16; STATE_ROWS],
    is_rep_g1: [u16; STATE_ROWS],
    is_rep_g2: [u16; STATE_ROWS],
    is_rep0_long: [[u16; POS_STATES_MAX]; STATE_ROWS],
    pos_slot: [[u16; 64]; 4],
    /// The reverse trees of distance slots 4 to 13, back to back at indices 1 to 114.
    pos: [u16; FULL_DISTANCES],
    align: [u16; 1 << ALIGN_BITS],
    length: LengthModel,
    rep_length: LengthModel,
}

impl Model {
    /// All zeros, so that the wasm's static model is not 28 KB of data in the module:
    /// [`unpack_into`] sets every probability before it starts.
    pub const fn new() -> Model {
        Model {
            literal: [[[0; 0x100]; 3]; 1 << MAX_LITERAL_BITS],
            is_match: [[0; POS_STATES_MAX]; STATE_ROWS],
            is_rep: [0; STATE_ROWS],
            is_rep_g0: [0; STATE_ROWS],
            is_rep_g1: [0; STATE_ROWS],
            is_rep_g2: [0; STATE_ROWS],
            is_rep0_long: [[0; POS_STATES_MAX]; STATE_ROWS],
            pos_slot: [[0; 64]; 4],
            pos: [0; FULL_DISTANCES],
            align: [0; 1 << ALIGN_BITS],
            length: LengthModel::new(),
            rep_length: LengthModel::new(),
        }
    }

    /// In place: a fresh `Model` is 28 KB, more than the wasm module's whole stack.
    fn reset(&mut self) {
        for probs in [
            self.literal.as_flattened_mut().as_flattened_mut(),
            self.is_match.as_flattened_mut(),
            &mut self.is_rep,
            &mut self.is_rep_g0,
            &mut self.is_rep_g1,
            &mut self.is_rep_g2,
            self.is_rep0_long.as_flattened_mut(),
            self.pos_slot.as_flattened_mut(),
            &mut self.pos,
            &mut self.align,
        ] {
            probs.fill(PROB_INIT);
        }
        self.length.reset();
        self.rep_length.reset();
    }
}

impl Default for Model {
    fn default() -> Self {
        Model::new()
    }
}

struct RangeDecoder<'a> {
    src: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
}

impl RangeDecoder<'_> {
    /// Past the end it reads zeros; [`RangeDecoder::check`] then refuses the stream. That
    /// keeps a bounds result out of every bit.
    #[inline(always)]
    fn byte(&mut self) -> u32 {
        let byte = self.src.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        u32::from(byte)
    }

    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | self.byte();
        }
    }

    #[inline(always)]
    fn bit(&mut self, prob: &mut u16) -> usize {
        let bound = (self.range >> 11) * u32::from(*prob);
        let bit = if self.code < bound {
            self.range = bound;
            *prob += (2048 - *prob) >> 5;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *prob -= *prob >> 5;
            1
        };
        self.normalize();
        bit
    }

    /// `bits` bits (at most log2 N), most significant first, each with its own
    /// probability.
    fn tree<const N: usize>(&mut self, probs: &mut [u16; N], bits: u32) -> usize {
        const { assert!(N.is_power_of_two()) };
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) | self.bit(&mut probs[m & (N - 1)]);
        }
        m - (1 << bits)
    }

    /// `bits` bits, least significant first, with the probabilities from `probs[base]`.
    fn reverse_tree<const N: usize>(
        &mut self,
        probs: &mut [u16; N],
        base: usize,
        bits: u32,
    ) -> usize {
        const { assert!(N.is_power_of_two()) };
        let mut m = 1;
        let mut symbol = 0;
        for i in 0..bits {
            let bit = self.bit(&mut probs[(base + m) & (N - 1)]);
            m = (m << 1) | bit;
            symbol |= bit << i;
        }
        symbol
    }

    /// Bits at even odds, most significant first.
    fn direct(&mut self, bits: u32) -> u32 {
        let mut result = 0u32;
        for _ in 0..bits {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            if bit == 1 {
                self.code -= self.range;
            }
            self.normalize();
            result = (result << 1) | bit;
        }
        result
    }

    fn check(&self) -> Result<(), Damage> {
        if self.pos > self.src.len() {
            return Err(Damage::EndsEarly);
        }
        Ok(())
    }
}

/// The byte `distance + 1` back from position `o` of the output.
#[inline(always)]
fn back(out: &[u8], o: usize, distance: usize) -> Result<u8, Damage> {
    o.checked_sub(distance + 1)
        .and_then(|at| out.get(at))
        .copied()
        .ok_or(Damage::BadDistance)
}

/// Unpacks the `.lzma` stream `src` into `out`, which must be exactly the unpacked length.
pub fn unpack_into(src: &[u8], out: &mut [u8], model: &mut Model) -> Result<(), Damage> {
    let (header, stream) = src
        .split_first_chunk::<HEADER_LEN>()
        .ok_or(Damage::BadHeader)?;
    let [properties, _, _, _, _, size @ ..] = *header;
    let mut properties = u32::from(properties);
    if properties >= 9 * 5 * 5 {
        return Err(Damage::BadHeader);
    }
    let lc = properties % 9;
    properties /= 9;
    let lp = properties % 5;
    let pb = properties / 5;
    if lc + lp > MAX_LITERAL_BITS {
        return Err(Damage::BadHeader);
    }
    // The size field is all ones when the encoder did not know it: an end marker follows.
    let stated_size = u64::from_le_bytes(size);
    let sized = stated_size != u64::MAX;
    if sized && stated_size != out.len() as u64 {
        return Err(Damage::WrongLength);
    }

    model.reset();
    let m = model;
    let mut rc = RangeDecoder {
        src: stream,
        pos: 0,
        range: u32::MAX,
        code: 0,
    };
    if rc.byte() != 0 {
        return Err(Damage::BadRangeCoder);
    }
    for _ in 0..4 {
        rc.code = (rc.code << 8) | rc.byte();
    }
    if rc.code == rc.range {
        return Err(Damage::BadRangeCoder);
    }

    let lp_mask = (1usize << lp) - 1;
    let pb_mask = (1usize << pb) - 1;
    // LZMA's 12-state machine over the last packets' kinds: literals below 7.
    let mut state = 0usize;
    // The four latest match distances, minus one.
    let mut reps = [0usize; 4];
    // Bytes unpacked so far.
    let mut o = 0usize;
    loop {
        // A sized stream may still carry an end marker: one that has not finished
        // cleanly here must be about to read it.
        if sized && o == out.len() && rc.code == 0 {
            rc.check()?;
            return Ok(());
        }
        let row = state & (STATE_ROWS - 1);
        let pos_state = o & pb_mask & (POS_STATES_MAX - 1);
        if rc.bit(&mut m.is_match[row][pos_state]) == 0 {
            let previous = match o {
                0 => 0,
                _ => usize::from(back(out, o, 0)?),
            };
            let context = ((o & lp_mask) << lc) + (previous >> (8 - lc));
            let probs = &mut m.literal[context & ((1 << MAX_LITERAL_BITS) - 1)];
            let mut symbol = 1usize;
            if state >= 7 {
                // After a match the literal is coded against the byte the match would
                // have continued with, until the first bit that differs.
                let mut match_byte = usize::from(back(out, o, reps[0])?);
                while symbol < 0x100 {
                    let match_bit = (match_byte >> 7) & 1;
                    match_byte <<= 1;
                    let bit = rc.bit(&mut probs[1 + match_bit][symbol & 0xFF]);
                    symbol = (symbol << 1) | bit;
                    if match_bit != bit {
                        break;
                    }
                }
            }
            while symbol < 0x100 {
                symbol = (symbol << 1) | rc.bit(&mut probs[0][symbol & 0xFF]);
            }
            *out.get_mut(o).ok_or(Damage::TooLong)? = symbol as u8;
            o += 1;
            state = match state {
                0..=3 => 0,
                4..=9 => state - 3,
                _ => state - 6,
            };
            continue;
        }

        let length;
        if rc.bit(&mut m.is_rep[row]) == 1 {
            if o == 0 {
                return Err(Damage::BadDistance);
            }
            if rc.bit(&mut m.is_rep_g0[row]) == 0 {
                if rc.bit(&mut m.is_rep0_long[row][pos_state]) == 0 {
                    // One byte from the last distance.
                    let byte = back(out, o, reps[0])?;
                    *out.get_mut(o).ok_or(Damage::TooLong)? = byte;
                    o += 1;
                    state = if state < 7 { 9 } else { 11 };
                    continue;
                }
            } else {
                let distance = if rc.bit(&mut m.is_rep_g1[row]) == 0 {
                    reps[1]
                } else {
                    let distance = if rc.bit(&mut m.is_rep_g2[row]) == 0 {
                        reps[2]
                    } else {
                        let d = reps[3];
                        reps[3] = reps[2];
                        d
                    };
                    reps[2] = reps[1];
                    distance
                };
                reps[1] = reps[0];
                reps[0] = distance;
            }
            length = m.rep_length.decode(&mut rc, pos_state);
            state = if state < 7 { 8 } else { 11 };
        } else {
            reps[3] = reps[2];
            reps[2] = reps[1];
            reps[1] = reps[0];
            length = m.length.decode(&mut rc, pos_state);
            state = if state < 7 { 7 } else { 10 };
            let distance = decode_distance(&mut rc, m, length);
            if distance == u32::MAX {
                // The end marker: the stream must end here, cleanly, at the expected length.
                rc.check()?;
                if o != out.len() {
                    return Err(Damage::WrongLength);
                }
                return if rc.code == 0 {
                    Ok(())
                } else {
                    Err(Damage::BadRangeCoder)
                };
            }
            reps[0] = distance as usize;
        }

        // A new distance is checked here, before anything is written: it must reach no
        // further back than the start of the output. Repeated ones already passed.
        let period = reps[0] + 1;
        let from = o.checked_sub(period).ok_or(Damage::BadDistance)?;
        let length = length + MATCH_MIN_LEN;
        let (done, rest) = out.split_at_mut_checked(o).ok_or(Damage::TooLong)?;
        let copy = rest.get_mut(..length).ok_or(Damage::TooLong)?;
        match done.get(from..from + length) {
            Some(source) => {
                for (to, from) in copy.iter_mut().zip(source) {
                    *to = *from;
                }
            }
            // Overlapping: the match repeats its last `period` bytes, some of which this
            // copy writes itself.
            None => {
                for k in 0..copy.len() {
                    let byte = if k < period {
                        done.get(from + k)
                    } else {
                        copy.get(k - period)
                    };
                    copy[k] = *byte.ok_or(Damage::BadDistance)?;
                }
            }
        }
        o += length;
    }
}

/// A match's distance minus one; `u32::MAX` is the end marker.
fn decode_distance(rc: &mut RangeDecoder, m: &mut Model, length: usize) -> u32 {
    let slot = rc.tree(&mut m.pos_slot[length.min(3)], 6) as u32;
    if slot < 4 {
        return slot;
    }
    let direct = (slot >> 1) - 1;
    let mut distance = (2 | (slot & 1)) << direct;
    if (slot as usize) < END_POS_MODEL {
        let base = distance as usize - slot as usize;
        distance += rc.reverse_tree(&mut m.pos, base, direct) as u32;
    } else {
        // At most 0xC000_0000 + 0x3FFF_FFF0 + 15: the end marker, u32::MAX, is the top.
        distance += rc.direct(direct - ALIGN_BITS) << ALIGN_BITS;
        distance += rc.reverse_tree(&mut m.align, 0, ALIGN_BITS) as u32;
    }
    distance
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{unpack_into, Model};

    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo) -> ! {
        core::arch::wasm32::unreachable()
    }

    static mut MODEL: Model = Model::new();

    extern "C" {
        static __heap_base: u8;
    }

    /// Where the script puts the packed bytes; the unpacked module follows them.
    #[no_mangle]
    pub extern "C" fn base() -> usize {
        // SAFETY: only the symbol's address is taken; the linker defines it.
        unsafe { &__heap_base as *const u8 as usize }
    }

    /// Unpacks the `src_len` bytes at `base()` into the `out_len` bytes after them:
    /// 0 when done, else a [`super::Damage`] code.
    #[no_mangle]
    pub extern "C" fn unpack(src_len: usize, out_len: usize) -> i32 {
        let at = base();
        // SAFETY: the script grew the memory to hold both ranges before calling, and
        // nothing else uses this module's memory; the ranges do not overlap the model,
        // which ends at `base()`.
        let (src, out, model) = unsafe {
            (
                core::slice::from_raw_parts(at as *const u8, src_len),
                core::slice::from_raw_parts_mut((at + src_len) as *mut u8, out_len),
                &mut *core::ptr::addr_of_mut!(MODEL),
            )
        };
        match unpack_into(src, out, model) {
            Ok(()) => 0,
            Err(damage) => damage as i32,
        }
    }
}
