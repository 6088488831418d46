import { z } from 'zod';

// Error wording for the whole API: a missing field says "is required" instead of zod's
// "expected string, received undefined". Schemas import z from here so the config is always set.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    if (issue.code === 'invalid_type') return `must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`;
    return undefined;
  },
});

export { z };
