// dist/src/domain/errors.js
var ValidationError = class extends Error {
  field;
  expected;
  received;
  name = "ValidationError";
  constructor(field, expected, received, options) {
    super(`${field}: expected ${expected}, got ${received}`, options);
    this.field = field;
    this.expected = expected;
    this.received = received;
  }
};
var NonRetryableError = class extends Error {
  name = "NonRetryableError";
};
var RetryAfterError = class extends Error {
  afterMs;
  name = "RetryAfterError";
  constructor(message, afterMs, options) {
    super(message, options);
    this.afterMs = afterMs;
  }
};

// dist/src/domain/describeValue.js
function describeValue(value) {
  if (value === void 0)
    return "nothing";
  if (value === null)
    return "null";
  if (Array.isArray(value))
    return `a list of ${value.length}`;
  switch (typeof value) {
    case "string": {
      const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
      return JSON.stringify(shown);
    }
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

export {
  ValidationError,
  NonRetryableError,
  RetryAfterError,
  describeValue
};
