/** DynamoDB's TTL attribute holds an instant as whole epoch seconds. */
export function epochSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}
