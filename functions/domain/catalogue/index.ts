/** Public API of the disclosure catalogue (pure domain code). */
export * from './errors';
export * from '../calendar/instant';
export * from './categories';
export * from './agency-profile';
export * from './index-number';
export * from './item';
export * from './publishing';
export * from './projection';
