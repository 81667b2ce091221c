//! The unpacker against liblzma's encoder (through xz2): the shapes of stream the shipped
//! module produces, the settings liblzma offers, and damaged input refused with a reason
//! rather than garbage or a panic.

use std::io::Write;

use proptest::prelude::*;
use stackweigh_unpack::{unpack_into, Damage, Model};
use xz2::stream::{LzmaOptions, Stream};
use xz2::write::XzEncoder;

/// liblzma's "extreme" flag: a slower, more thorough search at the same preset.
const EXTREME: u32 = 1 << 31;

/// A `.lzma` stream, as `cargo xtask dist` makes one but with the given settings.
fn pack(data: &[u8], preset: u32, lc: u32, lp: u32, pb: u32) -> Vec<u8> {
    let mut options = LzmaOptions::new_preset(preset).expect("a valid preset");
    options
        .literal_context_bits(lc)
        .literal_position_bits(lp)
        .position_bits(pb);
    let stream = Stream::new_lzma_encoder(&options).expect("an encoder");
    let mut encoder = XzEncoder::new_stream(Vec::new(), stream);
    encoder.write_all(data).expect("writing to a Vec");
    encoder.finish().expect("finishing into a Vec")
}

fn packed(data: &[u8]) -> Vec<u8> {
    pack(data, 9 | EXTREME, 3, 0, 0)
}

fn unpack(packed: &[u8], len: usize) -> Result<Vec<u8>, Damage> {
    let mut out = vec![0; len];
    let mut model = Box::default();
    unpack_into(packed, &mut out, &mut model)?;
    Ok(out)
}

/// Mostly repetitive text with noise, like a wasm module's code and data.
fn sample(n: usize, seed: u32) -> Vec<u8> {
    let text = b"stackweigh wasm module ";
    let mut x = seed;
    (0..n)
        .map(|i| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            if i % 7 == 0 {
                (x >> 24) as u8
            } else {
                text[(i * 3) % text.len()]
            }
        })
        .collect()
}

/// Bytes with no pattern at all, which LZMA must code literal by literal.
fn noise(n: usize, seed: u32) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) as u8
        })
        .collect()
}

#[test]
fn unpacks_what_liblzma_packs() {
    let cases: [(&str, Vec<u8>); 6] = [
        ("empty", Vec::new()),
        ("one byte", vec![42]),
        ("text with noise", sample(200_000, 1)),
        ("noise", noise(70_000, 2)),
        ("one long run", vec![7; 100_000]),
        (
            "far repeats (distances past the short slots)",
            [noise(300_000, 3), noise(300_000, 3)].concat(),
        ),
    ];
    for (name, data) in cases {
        assert_eq!(
            unpack(&packed(&data), data.len()).as_deref(),
            Ok(&data[..]),
            "{name}"
        );
    }
}

#[test]
fn unpacks_every_literal_and_position_setting_it_has_room_for() {
    let data = sample(30_000, 4);
    for (lc, lp, pb) in [
        (0, 0, 0),
        (3, 0, 2),
        (4, 0, 4),
        (0, 4, 0),
        (2, 2, 1),
        (1, 3, 3),
    ] {
        let packed = pack(&data, 6, lc, lp, pb);
        assert_eq!(
            unpack(&packed, data.len()).as_deref(),
            Ok(&data[..]),
            "lc={lc} lp={lp} pb={pb}"
        );
    }
}

#[test]
fn literal_settings_beyond_its_room_are_refused_not_misread() {
    let data = sample(1_000, 5);
    let mut packed = packed(&data);
    // liblzma's `.lzma` encoder has the same limit, so write lc = 5 into the header.
    packed[0] = 5;
    assert_eq!(unpack(&packed, data.len()), Err(Damage::BadHeader));
    packed[0] = 9 * 5 * 5;
    assert_eq!(unpack(&packed, data.len()), Err(Damage::BadHeader));
    assert_eq!(unpack(&packed[..3], data.len()), Err(Damage::BadHeader));
}

#[test]
fn a_truncated_stream_is_refused() {
    let data = sample(50_000, 3);
    let packed = packed(&data);
    for cut in [1, 13, 20, packed.len() / 2, packed.len() - 1] {
        assert!(unpack(&packed[..cut], data.len()).is_err(), "cut at {cut}");
    }
}

#[test]
fn a_stream_of_another_length_is_refused() {
    let data = sample(10_000, 4);
    let packed = packed(&data);
    assert_eq!(unpack(&packed, data.len() + 1), Err(Damage::WrongLength));
    assert_eq!(unpack(&packed, data.len() - 1), Err(Damage::TooLong));
}

#[test]
fn a_stated_size_must_match_the_expected_one() {
    let data = sample(5_000, 6);
    let mut packed = packed(&data);
    // The header says the size was unknown; state it, as other encoders may.
    packed[5..13].copy_from_slice(&(data.len() as u64).to_le_bytes());
    assert_eq!(unpack(&packed, data.len()).as_deref(), Ok(&data[..]));
    assert_eq!(unpack(&packed, data.len() + 1), Err(Damage::WrongLength));
}

#[test]
fn the_model_can_be_reused_between_streams() {
    let mut model = Model::new();
    for seed in 0..3 {
        let data = sample(20_000, seed);
        let mut out = vec![0; data.len()];
        unpack_into(&pack(&data, 6, 3, 0, 2), &mut out, &mut model).expect("unpacks");
        assert_eq!(out, data);
    }
}

proptest! {
    #[test]
    fn round_trips_any_bytes(data in proptest::collection::vec(any::<u8>(), 0..4000), preset in 0u32..10) {
        let packed = pack(&data, preset, 3, 0, 2);
        prop_assert_eq!(unpack(&packed, data.len()), Ok(data));
    }

    #[test]
    fn damaged_streams_never_panic(mut packed in proptest::collection::vec(any::<u8>(), 0..600), len in 0usize..5000) {
        // Often valid-looking: start from a real stream and change some bytes.
        if packed.len() > 8 {
            let real = pack(&sample(len, 5), 6, 3, 0, 0);
            let keep = packed.len().min(real.len());
            for (i, byte) in real.iter().take(keep).enumerate() {
                if i % 13 != 0 {
                    packed[i] = *byte;
                }
            }
        }
        let _ = unpack(&packed, len);
    }
}
