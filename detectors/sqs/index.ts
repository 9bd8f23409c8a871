export { sqsQueuePurged } from './sqs-queue-purged.js';
