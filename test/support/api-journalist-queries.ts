/** The five journalist questions of the case 2022Z04510, each one GraphQL query (also in the README). */
export const JOURNALIST_QUERIES = {
  whoAsked: `query WhoAsked($companies: [ID!]) {
  questions(filter: { companies: $companies }, sort: SUBMITTED_ASC, first: 50) {
    totalCount
    nodes { number submittedAt subject askedBy { person { name } party { abbreviation } } addressedTo { title } answeredBy { name } }
  }
}`,
  lateOrUnanswered: `query LateOrUnanswered($companies: [ID!], $asOf: Date) {
  questions(filter: { companies: $companies, asOf: $asOf, status: [ANSWERED_LATE, OVERDUE_WITH_NOTICE, OVERDUE_WITHOUT_NOTICE] }, first: 50) {
    nodes { number dueAt status daysLate postponed answeredAt postponements { sentAt } unansweredSubQuestions }
  }
}`,
  motionsNotFollowedUp: `query MotionsNotFollowedUp($companies: [ID!], $asOf: Date) {
  motions(filter: { companies: $companies, unanswered: true, withinDays: 365, asOf: $asOf }) {
    nodes { koopId title decidedAt submitters { person { name } } followUp(withinDays: 365) { state dueAt } }
  }
  claims: questions(filter: { companies: $companies }) {
    nodes { number refersTo { citation context claimsNoFollowUp citationMismatch targetType resolvedAs { id ... on Document { kind title } } } }
  }
}`,
  articlesTriggering: `query ArticlesTriggering($companies: [ID!]) {
  questions(filter: { companies: $companies }, first: 50) {
    nodes { number cites { citation article { url title publisher { name } questions { number } } } }
  }
}`,
  connection: `query Connection($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4, first: 5) {
    paths { length nodes { id type label } hops { type from to sources { url fetchedAt } } }
  }
}`,
} as const;
