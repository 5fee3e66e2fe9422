import { request } from 'node:https';
import { request as plainRequest } from 'node:http';

/** The request CloudFormation sends a Lambda-backed custom resource. */
export interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceProperties: Record<string, unknown>;
}

export interface CustomResourceOutcome {
  status: 'SUCCESS' | 'FAILED';
  reason?: string;
  physicalResourceId: string;
  data?: Record<string, string | number>;
}

/**
 * Answers CloudFormation by PUT to the pre-signed URL of the event. Without an answer the stack
 * waits an hour, so every path of a handler ends here.
 */
export async function respond(event: CustomResourceEvent, outcome: CustomResourceOutcome): Promise<void> {
  const body = JSON.stringify({
    Status: outcome.status,
    Reason: outcome.reason ?? outcome.status,
    PhysicalResourceId: outcome.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    ...(outcome.data ? { Data: outcome.data } : {}),
  });
  const url = new URL(event.ResponseURL);
  const send = url.protocol === 'https:' ? request : plainRequest;
  await new Promise<void>((resolve, reject) => {
    const put = send(
      url,
      { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`CloudFormation's response URL answered ${response.statusCode}`)),
        );
      },
    );
    put.on('error', reject);
    put.end(body);
  });
}
