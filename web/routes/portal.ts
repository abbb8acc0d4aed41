// The catalogue API's import of the public caching, until catalogue-api.ts imports #web/public-caching itself.
export { publicCaching, publicItemCaching } from '../public-caching';
