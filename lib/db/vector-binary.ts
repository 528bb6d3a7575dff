// Vectors sent to Postgres in its binary form, not as text: an array of pgvector vectors is 4 bytes a
// dimension on the wire instead of about 10 characters, and the server reads it without parsing a
// decimal number per dimension. node-postgres sends a Buffer parameter in binary, and `$n::vector[]`
// makes the server read it with array_recv and pgvector's vector_recv.
import 'server-only';
import type { Db } from './client';

/** The header array_recv expects: dimensions, has-nulls flag, element type, then length and lower bound. */
const ARRAY_HEADER_BYTES = 20;

/**
 * A one-dimensional `vector[]` in Postgres's binary format, for a parameter cast `::vector[]`. Each
 * element is vector_send's form: dimensions (int16), an unused int16, then big-endian float4s.
 */
export function vectorArrayBinary(vectors: readonly ArrayLike<number>[], vectorOid: number): Buffer {
  const size = vectors.reduce((sum, vector) => sum + 4 + 4 + 4 * vector.length, ARRAY_HEADER_BYTES);
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(0, 4);
  buffer.writeUInt32BE(vectorOid, 8);
  buffer.writeInt32BE(vectors.length, 12);
  buffer.writeInt32BE(1, 16);
  let offset = ARRAY_HEADER_BYTES;
  for (const vector of vectors) {
    offset = buffer.writeInt32BE(4 + 4 * vector.length, offset);
    offset = buffer.writeInt16BE(vector.length, offset);
    offset = buffer.writeInt16BE(0, offset);
    for (let i = 0; i < vector.length; i++) offset = buffer.writeFloatBE(vector[i]!, offset);
  }
  return buffer;
}

// The type's oid differs between databases (it is assigned when the extension is created), so it is
// looked up once per client.
const oids = new WeakMap<object, Promise<number>>();

/** The oid of pgvector's `vector` type in the database `client` is connected to. */
export function vectorTypeOid(client: Pick<Db, '$queryRaw'>): Promise<number> {
  let oid = oids.get(client);
  if (!oid) {
    oid = client.$queryRaw<{ oid: number }[]>`SELECT 'vector'::regtype::oid::int AS oid`.then((rows) =>
      Number(rows[0]!.oid),
    );
    oid.catch(() => oids.delete(client));
    oids.set(client, oid);
  }
  return oid;
}
