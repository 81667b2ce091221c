// Raw DEFLATE (RFC 1951) decoding for the wasm inlined in stackweigh.js, after Mark
// Adler's puff.c. The module ships deflated because base64 over raw wasm hides the
// patterns a server's gzip would find. Ours rather than DecompressionStream because that
// one is asynchronous: it waits behind the page's first layout and paint, which cost the
// widget tens of milliseconds of start-up. `size` is the module's length, known at build.
function stackweighInflate(src, size) {
  var out = new Uint8Array(size), op = 0, ip = 0, bitBuf = 0, bitCnt = 0;
  var LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  var DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  function fail(why) {
    throw new Error("stackweigh: the inlined module is damaged (" + why + ")");
  }
  function bits(n) {
    while (bitCnt < n) {
      if (ip >= src.length) fail("it ends early");
      bitBuf |= src[ip++] << bitCnt;
      bitCnt += 8;
    }
    var value = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCnt -= n;
    return value;
  }
  // A canonical Huffman code as one lookup table indexed by the next `max` input bits
  // (least significant first, so codes are stored bit-reversed): symbol << 4 | length.
  // Decoding is then one lookup per symbol instead of one step per bit.
  function huffman(lengths) {
    var max = 0, count = new Uint16Array(16), next = new Uint16Array(16), s, i;
    for (s = 0; s < lengths.length; s++) {
      count[lengths[s]]++;
      if (lengths[s] > max) max = lengths[s];
    }
    count[0] = 0;
    for (var len = 1, code = 0; len < 16; len++) next[len] = code = (code + count[len - 1]) << 1;
    var table = new Uint32Array(1 << max);
    for (s = 0; s < lengths.length; s++) {
      len = lengths[s];
      if (!len) continue;
      for (var c = next[len]++, reversed = 0, k = 0; k < len; k++, c >>= 1) reversed = (reversed << 1) | (c & 1);
      for (i = reversed; i < table.length; i += 1 << len) table[i] = (s << 4) | len;
    }
    return { table: table, max: max };
  }
  function decode(h) {
    while (bitCnt < h.max) {
      // Peeking may read a few bytes past the end (as zeros); the last codes are shorter.
      if (ip >= src.length + 4) fail("it ends early");
      bitBuf |= (ip < src.length ? src[ip] : 0) << bitCnt;
      ip++;
      bitCnt += 8;
    }
    var entry = h.table[bitBuf & ((1 << h.max) - 1)];
    if (!entry) fail("bad code");
    bitBuf >>>= entry & 15;
    bitCnt -= entry & 15;
    return entry >> 4;
  }
  function fixedCodes() {
    var lengths = new Uint8Array(288 + 30);
    lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288).fill(5, 288);
    return [huffman(lengths.subarray(0, 288)), huffman(lengths.subarray(288))];
  }
  function dynamicCodes() {
    var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
    var lengths = new Uint8Array(19);
    for (var i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]] = bits(3);
    var lencode = huffman(lengths);
    lengths = new Uint8Array(nlen + ndist);
    for (i = 0; i < nlen + ndist; ) {
      var sym = decode(lencode);
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      var repeat, len = 0;
      if (sym === 16) {
        if (i === 0) fail("repeat with no length");
        len = lengths[i - 1];
        repeat = 3 + bits(2);
      } else if (sym === 17) repeat = 3 + bits(3);
      else repeat = 11 + bits(7);
      if (i + repeat > nlen + ndist) fail("too many lengths");
      while (repeat--) lengths[i++] = len;
    }
    return [huffman(lengths.subarray(0, nlen)), huffman(lengths.subarray(nlen))];
  }

  // The hot loop, written out in one function over local copies of the state: cold
  // code runs it before the engine optimises anything, and calls or closure variables
  // per symbol made start-up tens of milliseconds slower.
  function codedBlock(lit, dist) {
    var buf = bitBuf, cnt = bitCnt, i = ip, o = op, end = src.length;
    var litTable = lit.table, litMax = lit.max, litMask = (1 << litMax) - 1;
    var distTable = dist.table, distMax = dist.max, distMask = (1 << distMax) - 1;
    for (;;) {
      while (cnt < litMax) {
        if (i >= end + 4) fail("it ends early");
        buf |= (i < end ? src[i] : 0) << cnt;
        i++;
        cnt += 8;
      }
      var entry = litTable[buf & litMask];
      if (!entry) fail("bad code");
      buf >>>= entry & 15;
      cnt -= entry & 15;
      var sym = entry >> 4;
      if (sym < 256) {
        if (o >= size) fail("too long");
        out[o++] = sym;
        continue;
      }
      if (sym === 256) break;
      sym -= 257;
      if (sym >= 29) fail("bad length");
      var extra = LEN_EXTRA[sym];
      while (cnt < extra + distMax) {
        if (i >= end + 4) fail("it ends early");
        buf |= (i < end ? src[i] : 0) << cnt;
        i++;
        cnt += 8;
      }
      var len = LEN_BASE[sym] + (buf & ((1 << extra) - 1));
      buf >>>= extra;
      cnt -= extra;
      entry = distTable[buf & distMask];
      if (!entry) fail("bad code");
      buf >>>= entry & 15;
      cnt -= entry & 15;
      var dsym = entry >> 4;
      if (dsym >= 30) fail("bad distance");
      extra = DIST_EXTRA[dsym];
      while (cnt < extra) {
        if (i >= end + 4) fail("it ends early");
        buf |= (i < end ? src[i] : 0) << cnt;
        i++;
        cnt += 8;
      }
      var from = o - DIST_BASE[dsym] - (buf & ((1 << extra) - 1));
      buf >>>= extra;
      cnt -= extra;
      if (from < 0 || o + len > size) fail("bad copy");
      if (o - from >= len) {
        out.copyWithin(o, from, from + len);
        o += len;
      } else {
        while (len--) out[o++] = out[from++];
      }
    }
    bitBuf = buf;
    bitCnt = cnt;
    ip = i;
    op = o;
  }

  for (var last = 0; !last; ) {
    last = bits(1);
    var type = bits(2);
    if (type === 0) {
      // A stored block starts on a byte boundary. Whole bytes already peeked are given back.
      ip -= bitCnt >> 3;
      bitBuf = bitCnt = 0;
      if (ip + 4 > src.length) fail("it ends early");
      var stored = src[ip] | (src[ip + 1] << 8);
      ip += 4;
      if (ip + stored > src.length || op + stored > size) fail("stored block too long");
      out.set(src.subarray(ip, ip + stored), op);
      ip += stored;
      op += stored;
      continue;
    }
    if (type === 3) fail("bad block type");
    var codes = type === 1 ? fixedCodes() : dynamicCodes();
    codedBlock(codes[0], codes[1]);
  }
  if (op !== size) fail("wrong length");
  return out;
}
