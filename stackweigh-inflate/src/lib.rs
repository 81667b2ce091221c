//! Raw DEFLATE (RFC 1951) decoding, after Mark Adler's puff.c, for the wasm inlined in
//! `stackweigh.js`.
//!
//! The script carries the widget's module deflated and base64-encoded: base64 over the raw
//! module would hide from the host's gzip the patterns it finds in wasm, a quarter more
//! bytes on the wire. Something must inflate it synchronously at start-up
//! (`DecompressionStream` is asynchronous, and its result waits behind the page's first
//! layout and paint). In cold JavaScript that took 20–50 ms; this decoder, built as its own
//! 6 KB module, takes about a third of that.
//!
//! In the browser (`cargo xtask dist` builds it for wasm32) the caller copies the deflated
//! bytes to [`base`] and calls [`inflate`]; the module follows them. Natively it is a
//! plain library, tested against flate2.

#![cfg_attr(target_arch = "wasm32", no_std)]

/// Why a stream was refused. The codes are what [`inflate`] returns to the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    EndsEarly = 1,
    BadCode = 2,
    StoredBlock = 3,
    BadLengths = 4,
    BadBlockType = 5,
    TooLong = 6,
    BadSymbol = 7,
    BadCopy = 8,
    WrongLength = 9,
}

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const CODE_LENGTH_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// Huffman codes as lookup tables indexed by the next `max` input bits (codes are stored
/// bit-reversed, as DEFLATE sends them): `symbol << 4 | length`, 0 for no code. One lookup
/// per symbol instead of one step per bit.
pub struct Tables {
    literal: [u16; 1 << 15],
    distance: [u16; 1 << 15],
    code_length: [u16; 1 << 7],
}

impl Tables {
    pub const fn new() -> Tables {
        Tables {
            literal: [0; 1 << 15],
            distance: [0; 1 << 15],
            code_length: [0; 1 << 7],
        }
    }
}

impl Default for Tables {
    fn default() -> Self {
        Tables::new()
    }
}

struct Bits<'a> {
    src: &'a [u8],
    pos: usize,
    buf: u64,
    count: u32,
}

impl Bits<'_> {
    /// Tops the buffer up to at least 57 bits. Past the end it reads zeros: the last codes
    /// of a stream can be shorter than the lookup width. Reading real bits past the end is
    /// caught by [`Bits::check`].
    #[inline(always)]
    fn fill(&mut self) {
        while self.count <= 56 {
            let byte = self.src.get(self.pos).copied().unwrap_or(0);
            self.pos += 1;
            self.buf |= u64::from(byte) << self.count;
            self.count += 8;
        }
    }

    #[inline(always)]
    fn take(&mut self, n: u32) -> u32 {
        if self.count < n {
            self.fill();
        }
        let value = (self.buf & ((1u64 << n) - 1)) as u32;
        self.buf >>= n;
        self.count -= n;
        value
    }

    #[inline(always)]
    fn decode(&mut self, table: &[u16], max: u32) -> Result<usize, Damage> {
        if self.count < max {
            self.fill();
        }
        let entry = u32::from(table[(self.buf & ((1u64 << max) - 1)) as usize]);
        if entry == 0 {
            return Err(Damage::BadCode);
        }
        self.buf >>= entry & 15;
        self.count -= entry & 15;
        Ok((entry >> 4) as usize)
    }

    /// Bits consumed so far must all have come from the input.
    fn check(&self) -> Result<(), Damage> {
        let consumed = self.pos * 8 - self.count as usize;
        if consumed > self.src.len() * 8 {
            return Err(Damage::EndsEarly);
        }
        Ok(())
    }
}

/// Fills `table` for a canonical code given by its code lengths; returns the lookup width.
fn build(lengths: &[u8], table: &mut [u16]) -> Result<u32, Damage> {
    let mut count = [0u16; 16];
    let mut max = 0;
    for &length in lengths {
        count[usize::from(length)] += 1;
        max = max.max(u32::from(length));
    }
    count[0] = 0;
    let mut next = [0u16; 16];
    let mut code = 0u16;
    for length in 1..16 {
        code = (code + count[length - 1]) << 1;
        next[length] = code;
    }
    let size = 1usize << max;
    let table = table.get_mut(..size).ok_or(Damage::BadLengths)?;
    table.fill(0);
    for (symbol, &length) in lengths.iter().enumerate() {
        if length == 0 {
            continue;
        }
        let mut code = next[usize::from(length)];
        next[usize::from(length)] += 1;
        let mut reversed = 0usize;
        for _ in 0..length {
            reversed = (reversed << 1) | usize::from(code & 1);
            code >>= 1;
        }
        let entry = ((symbol as u16) << 4) | u16::from(length);
        for slot in table.iter_mut().skip(reversed).step_by(1 << length) {
            *slot = entry;
        }
    }
    Ok(max)
}

/// Inflates `src` into `out`, which must be exactly the inflated length.
pub fn inflate_into(src: &[u8], out: &mut [u8], tables: &mut Tables) -> Result<(), Damage> {
    let mut bits = Bits {
        src,
        pos: 0,
        buf: 0,
        count: 0,
    };
    let mut o = 0usize;
    loop {
        let last = bits.take(1) == 1;
        let (literal_max, distance_max) = match bits.take(2) {
            0 => {
                // A stored block starts on a byte boundary: give back the whole bytes the
                // buffer had read ahead, then copy LEN bytes after LEN and NLEN.
                let at = bits.pos - (bits.count / 8) as usize;
                bits.buf = 0;
                bits.count = 0;
                let header = src.get(at..at + 4).ok_or(Damage::EndsEarly)?;
                let n = usize::from(header[0]) | usize::from(header[1]) << 8;
                let check = usize::from(header[2]) | usize::from(header[3]) << 8;
                if n != !check & 0xffff {
                    return Err(Damage::StoredBlock);
                }
                let body = src.get(at + 4..at + 4 + n).ok_or(Damage::StoredBlock)?;
                out.get_mut(o..o + n)
                    .ok_or(Damage::TooLong)?
                    .copy_from_slice(body);
                o += n;
                bits.pos = at + 4 + n;
                if last {
                    break;
                }
                continue;
            }
            1 => {
                let mut lengths = [0u8; 288 + 30];
                lengths[..144].fill(8);
                lengths[144..256].fill(9);
                lengths[256..280].fill(7);
                lengths[280..288].fill(8);
                lengths[288..].fill(5);
                (
                    build(&lengths[..288], &mut tables.literal)?,
                    build(&lengths[288..], &mut tables.distance)?,
                )
            }
            2 => {
                let literals = bits.take(5) as usize + 257;
                let distances = bits.take(5) as usize + 1;
                let codes = bits.take(4) as usize + 4;
                let mut code_lengths = [0u8; 19];
                for &i in &CODE_LENGTH_ORDER[..codes] {
                    code_lengths[i] = bits.take(3) as u8;
                }
                let max = build(&code_lengths, &mut tables.code_length)?;
                let total = literals + distances;
                let mut lengths = [0u8; 288 + 32];
                let mut i = 0;
                while i < total {
                    let symbol = bits.decode(&tables.code_length, max)?;
                    if symbol < 16 {
                        lengths[i] = symbol as u8;
                        i += 1;
                        continue;
                    }
                    let (length, repeat) = match symbol {
                        16 if i > 0 => (lengths[i - 1], 3 + bits.take(2) as usize),
                        16 => return Err(Damage::BadLengths),
                        17 => (0, 3 + bits.take(3) as usize),
                        _ => (0, 11 + bits.take(7) as usize),
                    };
                    lengths
                        .get_mut(i..i + repeat)
                        .filter(|_| i + repeat <= total)
                        .ok_or(Damage::BadLengths)?
                        .fill(length);
                    i += repeat;
                }
                (
                    build(&lengths[..literals], &mut tables.literal)?,
                    build(&lengths[literals..total], &mut tables.distance)?,
                )
            }
            _ => return Err(Damage::BadBlockType),
        };
        loop {
            let symbol = bits.decode(&tables.literal, literal_max)?;
            if symbol < 256 {
                *out.get_mut(o).ok_or(Damage::TooLong)? = symbol as u8;
                o += 1;
                continue;
            }
            if symbol == 256 {
                break;
            }
            let s = symbol - 257;
            let (&base, &extra) = LEN_BASE
                .get(s)
                .zip(LEN_EXTRA.get(s))
                .ok_or(Damage::BadSymbol)?;
            let length = usize::from(base) + bits.take(u32::from(extra)) as usize;
            let d = bits.decode(&tables.distance, distance_max)?;
            let (&base, &extra) = DIST_BASE
                .get(d)
                .zip(DIST_EXTRA.get(d))
                .ok_or(Damage::BadSymbol)?;
            let back = usize::from(base) + bits.take(u32::from(extra)) as usize;
            if back > o || o + length > out.len() {
                return Err(Damage::BadCopy);
            }
            let from = o - back;
            if back >= length {
                out.copy_within(from..from + length, o);
            } else {
                // Overlapping: each byte may be one this copy just wrote.
                for k in 0..length {
                    out[o + k] = out[from + k];
                }
            }
            o += length;
        }
        bits.check()?;
        if last {
            break;
        }
    }
    if o != out.len() {
        return Err(Damage::WrongLength);
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{inflate_into, Tables};

    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo) -> ! {
        core::arch::wasm32::unreachable()
    }

    static mut TABLES: Tables = Tables::new();

    extern "C" {
        static __heap_base: u8;
    }

    /// Where the script puts the deflated bytes; the inflated module follows them.
    #[no_mangle]
    pub extern "C" fn base() -> usize {
        // SAFETY: only the symbol's address is taken; the linker defines it.
        unsafe { &__heap_base as *const u8 as usize }
    }

    /// Inflates the `src_len` bytes at `base()` into the `out_len` bytes after them:
    /// 0 when done, else a [`super::Damage`] code.
    #[no_mangle]
    pub extern "C" fn inflate(src_len: usize, out_len: usize) -> i32 {
        let at = base();
        // SAFETY: the script grew the memory to hold both ranges before calling, and
        // nothing else uses this module's memory; the ranges do not overlap the tables,
        // which end at `base()`.
        let (src, out, tables) = unsafe {
            (
                core::slice::from_raw_parts(at as *const u8, src_len),
                core::slice::from_raw_parts_mut((at + src_len) as *mut u8, out_len),
                &mut *core::ptr::addr_of_mut!(TABLES),
            )
        };
        match inflate_into(src, out, tables) {
            Ok(()) => 0,
            Err(damage) => damage as i32,
        }
    }
}
