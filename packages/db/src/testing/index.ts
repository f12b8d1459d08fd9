export { startTestDatabase, type TestDatabase } from './test-database.js';
export {
  TEST_PASSWORD,
  createTestCase,
  createTestPatient,
  createTestUser,
  uniqueName,
  type TestAnnotationOptions,
  type TestCaseOptions,
  type TestPatientOptions,
} from './factories.js';
