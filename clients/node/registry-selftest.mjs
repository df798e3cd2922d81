// Checks that @kafkajs/confluent-schema-registry works against a registry: registers the evolved
// LeadEvent schema, encodes a lead, decodes it with a second client (which fetches the writer schema
// by id), and expects a schema that breaks BACKWARD compatibility to be refused with 409.
// Prints one JSON line on stdout; exits 1 with a message on stderr when a step fails.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry'
import { evolve, leadEvent, readSchema } from './lib/leads.mjs'
import { options, run } from './lib/options.mjs'

const USAGE =
  'node registry-selftest.mjs --registry http://127.0.0.1:PORT --schema LeadEvent.avsc ' +
  '[--subject leads.raw-value] [--user NAME --password SECRET]'

run(async () => {
  const opts = options(
    { registry: undefined, schema: undefined, subject: 'leads.raw-value', user: '', password: '' },
    USAGE,
  )
  const client = () =>
    new SchemaRegistry({
      host: opts.registry,
      ...(opts.user ? { auth: { username: opts.user, password: opts.password } } : {}),
      retry: { retries: 0 },
    })
  const writerSchema = evolve(readSchema(opts.schema))
  const producer = client()
  const asAvro = schema => ({ type: SchemaType.AVRO, schema: JSON.stringify(schema) })

  const { id } = await producer.register(asAvro(writerSchema), { subject: opts.subject })
  const again = await producer.register(asAvro(writerSchema), { subject: opts.subject })

  const lead = leadEvent(writerSchema, 1)
  const encoded = await producer.encode(id, lead)
  const consumer = client()
  const decoded = await consumer.decode(encoded)
  await consumer.decode(encoded) // served from the consumer's cache

  const breaking = { ...writerSchema, fields: [...writerSchema.fields, { name: 'mustHave', type: 'string' }] }
  let refusal
  try {
    await producer.register(asAvro(breaking), { subject: opts.subject })
  } catch (error) {
    refusal = { status: error.status, message: error.message }
  }
  if (!refusal) {
    throw new Error('the registry accepted a schema that breaks BACKWARD compatibility')
  }

  console.log(
    JSON.stringify({
      subject: opts.subject,
      id,
      sameIdAgain: again.id === id,
      wire: { magicByte: encoded[0], schemaId: encoded.readInt32BE(1), base64: encoded.toString('base64') },
      decoded: {
        leadId: decoded.leadId,
        eventId: decoded.eventId,
        notes: decoded.notes,
        crmRegion: decoded.crmRegion,
        company: decoded.company,
      },
      sent: { leadId: lead.leadId, eventId: lead.eventId, notes: lead.notes, crmRegion: lead.crmRegion },
      incompatible: refusal,
    }),
  )
})
