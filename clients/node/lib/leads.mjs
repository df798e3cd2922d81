// LeadEvent schemas and payloads shared by the scripts.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** The optional field the Node producer adds to LeadEvent: old readers skip it, new ones default it. */
export const CRM_REGION = { name: 'crmRegion', type: ['null', 'string'], default: null }

/** Reads a self-contained Avro schema (JSON) from a file. */
export function readSchema(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read the schema ${path}: ${error.message}`)
  }
}

/** The LeadEvent schema with CRM_REGION appended to its fields: a BACKWARD-compatible writer schema. */
export function evolve(schema) {
  if (schema.type !== 'record' || !Array.isArray(schema.fields)) {
    throw new Error(`expected a record schema, got type ${JSON.stringify(schema.type)}`)
  }
  if (schema.fields.some(field => field.name === CRM_REGION.name)) {
    throw new Error(`the schema already has a field ${CRM_REGION.name}`)
  }
  return { ...schema, fields: [...schema.fields, CRM_REGION] }
}

const PROFILES = [
  {
    company: { name: 'Harborsoft GmbH', industry: 'software', employees: 420, annualRevenue: 38000000, country: 'DE' },
    contact: { name: 'Lena Richter', title: 'Head of Operations', isDecisionMaker: true },
    budget: 180000,
    purchaseIntent: 5,
    cooperation: { priorDeals: 2, priorRevenue: 64000 },
    engagement: { websiteVisits: 14, emailsOpened: 9, meetings: 3, daysSinceLastContact: 1 },
    notes: 'Budget approved for Q2. They want a proposal this week and a contract before the end of the month.',
    lastMessage: 'Please send the order form, we are ready to sign.',
    crmRegion: 'emea',
  },
  {
    company: { name: 'Lumenbridge Partners S.L.', industry: 'healthcare', employees: 60, annualRevenue: 5200000, country: 'ES' },
    contact: { name: 'Olivia de Vries', title: 'Team Lead', isDecisionMaker: false },
    budget: 25000,
    purchaseIntent: 3,
    cooperation: { priorDeals: 0, priorRevenue: 0 },
    engagement: { websiteVisits: 4, emailsOpened: 2, meetings: 1, daysSinceLastContact: 9 },
    notes: 'Met at a trade fair. Interested in a trial account for the operations team.',
    lastMessage: 'Could we get a demo for two more colleagues next month?',
    crmRegion: null,
  },
  {
    company: { name: 'Novaline Trading Ltd', industry: 'logistics', employees: 12, annualRevenue: 900000, country: 'IE' },
    contact: { name: 'Paul Moreau', title: 'Analyst', isDecisionMaker: false },
    budget: null,
    purchaseIntent: 1,
    cooperation: { priorDeals: 0, priorRevenue: 0 },
    engagement: { websiteVisits: 1, emailsOpened: 0, meetings: 0, daysSinceLastContact: 75 },
    notes: 'No budget this year. They went quiet after the first call and missed two follow-ups.',
    lastMessage: 'Thanks, but we have no budget until next year.',
    crmRegion: 'emea',
  },
]

/** The lead id of the index-th lead (from 1): node-lead-0001, node-lead-0002, ... */
export function leadId(index) {
  return `node-lead-${String(index).padStart(4, '0')}`
}

/**
 * The index-th LeadEvent (from 1), as avsc takes it for the schema: unions of null and one type
 * hold the plain value, and timestamp logical types their underlying long (avsc reads no logical
 * types unless asked). Hot, warm and cold profiles take turns.
 */
export function leadEvent(schema, index) {
  const occurredAt = schema.fields.find(field => field.name === 'occurredAt')
  const micros = occurredAt?.type?.logicalType === 'timestamp-micros'
  const { crmRegion, ...profile } = PROFILES[(index - 1) % PROFILES.length]
  const event = {
    eventId: randomUUID(),
    leadId: leadId(index),
    occurredAt: micros ? Date.now() * 1000 : Date.now(),
    sourceSystem: 'node-client',
    currency: 'EUR',
    ...profile,
    attributes: { leadSource: 'node-client', campaign: 'registry-roundtrip' },
  }
  return schema.fields.some(field => field.name === CRM_REGION.name) ? { ...event, crmRegion } : event
}

/**
 * The index-th lead (from 1) as a HubSpot-style CRM sends it, every property a string, for the
 * worked mapping docs/examples/hubspot-json/mapping.yaml.
 */
export function hubSpotEvent(index) {
  const { company, contact, budget, purchaseIntent, engagement, notes, lastMessage } =
    PROFILES[(index - 1) % PROFILES.length]
  const properties = {
    company: company.name,
    jobtitle: contact.title,
    lastmodifieddate: new Date().toISOString(),
    numberofemployees: company.employees,
    annualrevenue: company.annualRevenue,
    industry: company.industry,
    country: company.country,
    decision_maker: contact.isDecisionMaker,
    budget,
    currency: 'EUR',
    purchase_intent: purchaseIntent,
    hs_analytics_num_visits: engagement.websiteVisits,
    hs_email_open: engagement.emailsOpened,
    meetings_booked: engagement.meetings,
    notes_last_activity: notes,
    last_message: lastMessage,
  }
  return {
    objectId: leadId(index),
    objectType: 'CONTACT',
    properties: Object.fromEntries(
      Object.entries(properties)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([name, value]) => [name, String(value)]),
    ),
  }
}
