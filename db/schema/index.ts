export * from './workspace'
export * from './lifecycle'
export * from './integrations'
export * from './imports'
