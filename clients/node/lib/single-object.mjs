// Avro single-object encoding (https://avro.apache.org/docs/1.12.0/specification/#single-object-encoding):
// C3 01, the writer schema's CRC-64-AVRO fingerprint over its Parsing Canonical Form, little-endian,
// then the binary record. avsc has no CRC-64-AVRO, so it is here: the spec's Rabin fingerprint.

const EMPTY = 0xc15d213aa4d7a795n
const MASK = 0xffffffffffffffffn

const TABLE = Array.from({ length: 256 }, (_, i) => {
  let fp = BigInt(i)
  for (let j = 0; j < 8; j++) {
    fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n))
  }
  return fp & MASK
})

/** The 64-bit CRC-64-AVRO of a string's UTF-8 bytes. */
export function crc64Avro(text) {
  let fp = EMPTY
  for (const byte of Buffer.from(text, 'utf8')) {
    fp = ((fp >> 8n) ^ TABLE[Number((fp ^ BigInt(byte)) & 0xffn)]) & MASK
  }
  return fp
}

/**
 * The 10-byte header of values written with an avsc type: C3 01, then the fingerprint of the
 * type's canonical schema (avsc's `type.schema()` is the Parsing Canonical Form) little-endian.
 */
export function singleObjectHeader(type) {
  const header = Buffer.alloc(10)
  header[0] = 0xc3
  header[1] = 0x01
  header.writeBigUInt64LE(crc64Avro(JSON.stringify(type.schema())), 2)
  return header
}

/** A record in single-object encoding. */
export function singleObject(type, record) {
  return Buffer.concat([singleObjectHeader(type), type.toBuffer(record)])
}
