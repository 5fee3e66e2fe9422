// Validates external-secrets.io/v1 objects against @kubernetes-models/external-secrets' v1
// models, which its ESM-only major alone publishes, so this runs as a Node ES module in a child
// process (kubernetes-schema.ts starts it). Reads a JSON array of objects on stdin and writes
// a JSON array of problems: what the model reports, and every field its validator never read
// (the models check every field a schema declares and never reject an unknown one).
import {
  ClusterSecretStore,
  ExternalSecret,
} from '@kubernetes-models/external-secrets-v1/external-secrets.io/v1';

const models = { ExternalSecret, ClusterSecretStore };

function recordingReads(value, path, read) {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return child;
      read.add(`${path}/${key}`);
      return recordingReads(child, `${path}/${key}`, read);
    },
  });
}

function unreadFields(value, path, read, found) {
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}/${key}`;
    if (read.has(childPath)) unreadFields(child, childPath, read, found);
    else found.push(childPath);
  }
}

function problemsOf(object) {
  const id = `${object.kind}/${object.metadata?.name}`;
  const model = models[object.kind];
  if (object.apiVersion !== 'external-secrets.io/v1' || !model) {
    return [`${id}: no external-secrets.io/v1 schema for ${object.apiVersion} ${object.kind}`];
  }
  const read = new Set();
  try {
    const instance = Object.assign(Object.create(model.prototype), object);
    model.prototype.validate.call(recordingReads(instance, '', read));
  } catch (error) {
    return [`${id}: ${error.message}`];
  }
  const unknown = [];
  unreadFields(object, '', read, unknown);
  return unknown.map((field) => `${id}: unknown field ${field}`);
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(JSON.stringify(JSON.parse(input).flatMap(problemsOf)));
