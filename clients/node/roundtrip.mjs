// Produces N LeadEvents to the raw topic in the Confluent wire format, written with an evolved
// LeadEvent schema (one optional field more) that it registers itself, then reads the prioritized
// topic from the beginning until each of its leads has been scored, decoding every record with the
// writer schema the registry has under the record's id. Prints one JSON line on stdout and exits
// 0; exits 1 with a message on stderr when it times out or a step fails.
import { randomUUID } from 'node:crypto'
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry'
import { Kafka, Partitioners, logLevel } from 'kafkajs'
import { evolve, leadEvent, readSchema } from './lib/leads.mjs'
import { options, positive, run } from './lib/options.mjs'

const USAGE =
  'node roundtrip.mjs --broker HOST:PORT --registry http://127.0.0.1:PORT --schema LeadEvent.avsc ' +
  '--count N --raw-topic leads.raw --prioritized-topic leads.prioritized [--timeout-ms 60000]'

run(async () => {
  const opts = options(
    {
      broker: undefined,
      registry: undefined,
      schema: undefined,
      count: undefined,
      'raw-topic': undefined,
      'prioritized-topic': undefined,
      'timeout-ms': '60000',
    },
    USAGE,
  )
  const count = positive(opts.count, 'count')
  const timeoutMs = positive(opts['timeout-ms'], 'timeout-ms')
  const rawTopic = opts['raw-topic']
  const prioritizedTopic = opts['prioritized-topic']

  const registry = new SchemaRegistry({ host: opts.registry })
  const writerSchema = evolve(readSchema(opts.schema))
  const { id: writerSchemaId } = await registry.register(
    { type: SchemaType.AVRO, schema: JSON.stringify(writerSchema) },
    { subject: `${rawTopic}-value` },
  )

  // the pipeline creates its topics; a missing one is an error here, not created with defaults
  const kafka = new Kafka({
    clientId: 'leadstream-node-roundtrip',
    brokers: [opts.broker],
    logLevel: logLevel.NOTHING, // KAFKAJS_LOG_LEVEL=warn shows kafkajs' own log on stderr
  })
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  })
  const sent = new Map() // eventId -> leadId: only this run's events count, not earlier runs'
  const messages = []
  await producer.connect()
  try {
    for (let index = 1; index <= count; index++) {
      const event = leadEvent(writerSchema, index)
      sent.set(event.eventId, event.leadId)
      messages.push({ key: event.leadId, value: await registry.encode(writerSchemaId, event) })
    }
    await producer.send({ topic: rawTopic, messages }).catch(error => {
      throw new Error(`producing to ${rawTopic} failed (the topic must exist): ${error.message}`)
    })
  } finally {
    await producer.disconnect()
  }

  const scored = await readScored(kafka, registry, prioritizedTopic, sent, timeoutMs)
  const tiers = {}
  for (const lead of scored.values()) {
    tiers[lead.tier] = (tiers[lead.tier] ?? 0) + 1
  }
  console.log(
    JSON.stringify({
      produced: count,
      writerSchemaId,
      prioritized: scored.size,
      leadIds: [...scored.keys()].sort(),
      tiers,
      sample: scored.values().next().value,
    }),
  )
})

/**
 * The PrioritizedLead of each sent event (eventId -> leadId) by lead id, once every event has been
 * scored; rejects at the timeout.
 */
async function readScored(kafka, registry, topic, sent, timeoutMs) {
  const consumer = kafka.consumer({
    groupId: `leadstream-node-roundtrip-${randomUUID()}`,
    allowAutoTopicCreation: false,
  })
  const scored = new Map()
  try {
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: true }).catch(error => {
      throw new Error(`subscribing to ${topic} failed (the topic must exist): ${error.message}`)
    })
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const missing = [...sent.values()].filter(id => !scored.has(id))
        reject(
          new Error(
            `timed out after ${timeoutMs} ms: ${scored.size} of ${sent.size} leads scored on ${topic}; ` +
              `missing ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''}`,
          ),
        )
      }, timeoutMs)
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            if (!message.value) {
              return
            }
            let lead
            try {
              lead = await registry.decode(message.value)
            } catch (error) {
              clearTimeout(timer)
              reject(new Error(`cannot decode ${topic}/${partition}@${message.offset}: ${error.message}`))
              return
            }
            if (sent.get(lead.eventId) === lead.leadId) {
              scored.set(lead.leadId, lead)
              if (scored.size === sent.size) {
                clearTimeout(timer)
                resolve()
              }
            }
          },
        })
        .catch(error => {
          clearTimeout(timer)
          reject(error)
        })
    })
  } finally {
    await consumer.disconnect()
  }
  return scored
}
