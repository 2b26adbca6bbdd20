import type { RequestRecord } from '../telemetry/RequestRecord.js';
import { KDate, type Row } from './kql/values.js';

const EMPTY: Record<string, never> = Object.freeze({});

/** Workspace-based Application Insights requests (`AppRequests`), the columns the sandbox fills. */
export const APP_REQUESTS_SCHEMA =
  '(TenantId:string, TimeGenerated:datetime, Id:string, Source:string, Name:string, Url:string, Success:bool, ResultCode:string, DurationMs:real, PerformanceBucket:string, Properties:dynamic, Measurements:dynamic, OperationName:string, OperationId:string, ParentId:string, SyntheticSource:string, SessionId:string, UserId:string, AppVersion:string, AppRoleName:string, AppRoleInstance:string, ClientType:string, ClientIP:string, ResourceGUID:string, IKey:string, SDKVersion:string, ItemCount:int, SourceSystem:string, Type:string, _ResourceId:string)';

/** Classic Application Insights `requests`. */
export const CLASSIC_REQUESTS_SCHEMA =
  '(timestamp:datetime, id:string, source:string, name:string, url:string, success:bool, resultCode:string, duration:real, performanceBucket:string, itemType:string, customDimensions:dynamic, customMeasurements:dynamic, operation_Name:string, operation_Id:string, operation_ParentId:string, operation_SyntheticSource:string, session_Id:string, user_Id:string, application_Version:string, client_Type:string, client_IP:string, cloud_RoleName:string, cloud_RoleInstance:string, appId:string, appName:string, iKey:string, sdkVersion:string, itemId:string, itemCount:int, _ResourceId:string)';

function bucket(ms: number): string {
  if (ms < 250) return '<250ms';
  if (ms < 500) return '250ms-500ms';
  if (ms < 1000) return '500ms-1sec';
  if (ms < 3000) return '1sec-3sec';
  if (ms < 7000) return '3sec-7sec';
  if (ms < 15000) return '7sec-15sec';
  return '15sec-30sec';
}

/** An `AppRequests` row for a record (hidden `$IngestionTime` feeds `ingestion_time()`). */
export function appRequestsRow(r: RequestRecord): Row {
  const memo = (r.rows ??= {});
  return (memo['AppRequests'] ??= makeAppRequestsRow(r)) as Row;
}

function makeAppRequestsRow(r: RequestRecord): Row {
  return {
    TenantId: '',
    TimeGenerated: new KDate(r.t),
    Id: r.id,
    Source: '',
    Name: r.name,
    Url: r.url,
    Success: r.success,
    ResultCode: r.resultCode,
    DurationMs: r.durationMs,
    PerformanceBucket: bucket(r.durationMs),
    Properties: EMPTY,
    Measurements: EMPTY,
    OperationName: r.name,
    OperationId: r.id,
    ParentId: r.id,
    SyntheticSource: '',
    SessionId: '',
    UserId: '',
    AppVersion: r.version,
    AppRoleName: r.roleName,
    AppRoleInstance: r.roleInstance,
    ClientType: 'PC',
    ClientIP: '0.0.0.0',
    ResourceGUID: '',
    IKey: '',
    SDKVersion: 'sandbox:1.0.0',
    ItemCount: r.itemCount,
    SourceSystem: 'Azure',
    Type: 'AppRequests',
    _ResourceId: r.resourceId,
    $IngestionTime: new KDate(r.ingest),
  };
}

/** A classic `requests` row for a record. */
export function classicRequestsRow(r: RequestRecord): Row {
  const memo = (r.rows ??= {});
  return (memo['requests'] ??= makeClassicRow(r)) as Row;
}

function makeClassicRow(r: RequestRecord): Row {
  return {
    timestamp: new KDate(r.t),
    id: r.id,
    source: '',
    name: r.name,
    url: r.url,
    success: r.success,
    resultCode: r.resultCode,
    duration: r.durationMs,
    performanceBucket: bucket(r.durationMs),
    itemType: 'request',
    customDimensions: EMPTY,
    customMeasurements: EMPTY,
    operation_Name: r.name,
    operation_Id: r.id,
    operation_ParentId: r.id,
    operation_SyntheticSource: '',
    session_Id: '',
    user_Id: '',
    application_Version: r.version,
    client_Type: 'PC',
    client_IP: '0.0.0.0',
    cloud_RoleName: r.roleName,
    cloud_RoleInstance: r.roleInstance,
    appId: '',
    appName: r.resourceId.split('/').at(-1) ?? '',
    iKey: '',
    sdkVersion: 'sandbox:1.0.0',
    itemId: r.id,
    itemCount: r.itemCount,
    _ResourceId: r.resourceId,
    $IngestionTime: new KDate(r.ingest),
  };
}
