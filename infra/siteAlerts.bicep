// Platform metric alerts on one monitored production site, deployed into the site's resource
// group: 5xx responses, average response time and health check status, evaluated every minute
// over 5 minutes. Their action group posts the common alert schema to Slotpilot's
// POST /api/alerts (the alertPush function's key in the URL); Slotpilot rolls back only a
// release it is monitoring on this site.

targetScope = 'resourceGroup'

@description('Name of the production site (in this resource group).')
param siteName string

@description('Slotpilot\'s alerts URL with the alertPush function key (https://…/api/alerts?code=…).')
@secure()
param alertsUrl string

@description('5xx responses within the window that fire the alert.')
param http5xxCount int

@description('Average response time (seconds) within the window that fires the alert.')
param responseTimeSeconds int

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource slotpilotHook 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'slotpilot-${siteName}'
  location: 'Global'
  properties: {
    enabled: true
    groupShortName: 'slotpilot'
    webhookReceivers: [
      {
        name: 'slotpilot-alerts'
        serviceUri: alertsUrl
        useCommonAlertSchema: true
        useAadAuth: false
      }
    ]
  }
}

var criteria = [
  {
    key: 'http5xx'
    description: '5xx responses on ${siteName}'
    metricName: 'Http5xx'
    operator: 'GreaterThan'
    threshold: http5xxCount
    timeAggregation: 'Total'
  }
  {
    key: 'response-time'
    description: 'Average response time on ${siteName}'
    metricName: 'HttpResponseTime'
    operator: 'GreaterThan'
    threshold: responseTimeSeconds
    timeAggregation: 'Average'
  }
  {
    key: 'health'
    description: 'Health check status below 100% on ${siteName}'
    metricName: 'HealthCheckStatus'
    operator: 'LessThan'
    threshold: 100
    timeAggregation: 'Average'
  }
]

resource alerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [
  for c in criteria: {
    name: 'slotpilot-${siteName}-${c.key}'
    location: 'global'
    properties: {
      description: c.description
      severity: 1
      enabled: true
      scopes: [site.id]
      evaluationFrequency: 'PT1M'
      windowSize: 'PT5M'
      targetResourceType: 'Microsoft.Web/sites'
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            name: c.key
            criterionType: 'StaticThresholdCriterion'
            metricNamespace: 'Microsoft.Web/sites'
            metricName: c.metricName
            operator: c.operator
            threshold: c.threshold
            timeAggregation: c.timeAggregation
          }
        ]
      }
      autoMitigate: true
      actions: [{ actionGroupId: slotpilotHook.id }]
    }
  }
]

output alertNames array = [for (c, i) in criteria: alerts[i].name]
