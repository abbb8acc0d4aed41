export { WorkListPage, type WorkListPageProps, type WorkRow } from './WorkListPage';
export { ItemForm, type ItemFormProps, type ItemFormValues } from './ItemForm';
export { StaffItemPage, type StaffItemPageProps } from './StaffItemPage';
export { NewItemPage, type NewItemPageProps } from './NewItemPage';
export { CatalogueSettingsPage, type CatalogueSettingsPageProps } from './CatalogueSettingsPage';
