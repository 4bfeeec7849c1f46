/** The IndexedDB database that holds the learner's collection. */
export const DATABASE_NAME = 'kioku';
