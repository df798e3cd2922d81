// Produces N lead events to the raw topic in Avro single-object encoding (the app's LeadEvent
// schema, fingerprint computed here) or as a CRM's own JSON (HubSpot-style events for the worked
// mapping), keyed by lead id. Prints one JSON line on stdout and exits 0; exits 1 with a message on
// stderr when a step fails.
import avro from 'avsc'
import { Kafka, Partitioners, logLevel } from 'kafkajs'
import { hubSpotEvent, leadEvent, readSchema } from './lib/leads.mjs'
import { options, positive, run } from './lib/options.mjs'
import { singleObject } from './lib/single-object.mjs'

const USAGE =
  'node produce.mjs --format single-object|json --broker HOST:PORT --count N --raw-topic leads.raw ' +
  '[--schema LeadEvent.avsc (single-object)]'

run(async () => {
  const opts = options(
    { format: undefined, broker: undefined, count: undefined, 'raw-topic': undefined, schema: '' },
    USAGE,
  )
  const count = positive(opts.count, 'count')
  const encode = encoder(opts)

  const kafka = new Kafka({
    clientId: 'leadstream-node-produce',
    brokers: [opts.broker],
    logLevel: logLevel.NOTHING,
  })
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  })
  const messages = Array.from({ length: count }, (_, i) => encode(i + 1))
  await producer.connect()
  try {
    await producer.send({ topic: opts['raw-topic'], messages }).catch(error => {
      throw new Error(`producing to ${opts['raw-topic']} failed (the topic must exist): ${error.message}`)
    })
  } finally {
    await producer.disconnect()
  }
  console.log(JSON.stringify({ produced: count, leadIds: messages.map(m => m.key) }))
})

/** index -> Kafka message, in the format asked for. */
function encoder(opts) {
  if (opts.format === 'single-object') {
    if (!opts.schema) {
      throw new Error(`--format single-object needs --schema\nusage: ${USAGE}`)
    }
    const schema = readSchema(opts.schema)
    const type = avro.Type.forSchema(schema)
    return index => {
      const event = leadEvent(schema, index)
      return { key: event.leadId, value: singleObject(type, event) }
    }
  }
  if (opts.format === 'json') {
    return index => {
      const event = hubSpotEvent(index)
      return { key: event.objectId, value: JSON.stringify(event) }
    }
  }
  throw new Error(`--format must be single-object or json, got ${opts.format}\nusage: ${USAGE}`)
}
