import { Layout } from '../../layouts/Layout';
import { ItemForm, type ItemFormProps } from './ItemForm';

export interface NewItemPageProps {
  form: ItemFormProps;
}

export function NewItemPage(p: NewItemPageProps) {
  return (
    <Layout title="新建主动公开信息" section="staff" navHref="/staff/items" breadcrumbs={[{ href: '/staff', label: '工作台' }, { href: '/staff/items', label: '主动公开' }, { label: '新建信息' }]}>
      <div class="page-head">
        <h1 class="page-title">新建主动公开信息</h1>
      </div>
      <p class="lead">保存为草稿后，提交保密审查；审查通过后即可发布。</p>
      <ItemForm {...p.form} />
    </Layout>
  );
}
