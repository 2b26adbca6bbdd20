import { HttpError } from '../http/HttpError.js';

/** api-versions of Microsoft.Web the sandbox answers (the SDK's 2025-05-01 and recent ones). */
export const SUPPORTED_WEB_API_VERSIONS = [
  '2025-05-01',
  '2025-03-01',
  '2024-11-01',
  '2024-04-01',
  '2023-12-01',
  '2023-01-01',
  '2022-09-01',
  '2022-03-01',
];

/** ARM's 400 for a missing or unknown api-version (its real codes and wording). */
export function checkApiVersion(apiVersion: string | null, resourceType: string): void {
  if (apiVersion === null || apiVersion === '') {
    throw new HttpError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  if (!SUPPORTED_WEB_API_VERSIONS.includes(apiVersion)) {
    throw new HttpError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'westeurope' and API version '${apiVersion}' for type '${resourceType}'. The supported api-versions are '${SUPPORTED_WEB_API_VERSIONS.join(', ')}'.`,
    );
  }
}

/** ARM's 404 for a resource that does not exist. */
export function notFound(type: string, name: string, resourceGroup: string): HttpError {
  return new HttpError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** ARM's 404 for an unknown resource group. */
export function resourceGroupNotFound(resourceGroup: string): HttpError {
  return new HttpError(
    404,
    'ResourceGroupNotFound',
    `Resource group '${resourceGroup}' could not be found.`,
  );
}

/** ARM's 400 for a body that is not valid JSON or not the expected shape. */
export function invalidContent(detail: string): HttpError {
  return new HttpError(
    400,
    'InvalidRequestContent',
    `The request content was invalid and could not be deserialized: '${detail}'.`,
  );
}
