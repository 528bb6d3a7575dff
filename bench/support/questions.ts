// Questions about the demo corpus (README.md and docs/) that the request-path benchmarks ask.
export const DEMO_QUESTIONS = [
  'How do I use my own Postgres database?',
  'How do I create the first admin?',
  'What does npm test run?',
  'Which models answer when no API key is set?',
  'Where does the embedded database keep its data?',
  'How do I run the benchmarks?',
  'How are API keys stored?',
  'What happens when the database is down?',
] as const;
