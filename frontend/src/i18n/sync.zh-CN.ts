// 同步文件夹：设置页的同步区域与顶栏的同步状态。合并进 zh-CN.ts 的 sync；
// 错误文字合并进 errors.syncdir。sync.en.ts 须逐键对应。
export default {
  title: '同步文件夹',
  intro: '把数据文件夹与团队共用的同步文件夹（SMB 共享、OneDrive/SharePoint、Nextcloud 或 Syncthing 文件夹）保持一致：GoLive 把本机的新事件发布到那里，并读取其他人发布的内容。同步文件夹中只放签名的事件包，数据文件夹本身永远不放进去。',
  none: '尚未选择同步文件夹。',
  folder: '同步文件夹',
  choose: '选择同步文件夹…',
  change: '更换文件夹…',
  leave: '停止同步',
  leaveConfirm: '停止与这个文件夹同步？文件夹中的内容不会被改动或删除。',
  left: '已停止同步。',
  syncNow: '立即同步',
  syncing: '正在同步…',
  never: '尚未同步',
  lastSync: '上次同步：{time}',
  watching: '正在监视文件夹的变化',
  readOnly: '只读副本：没有解锁的身份（或尚无人员名册），只读取不发布。',
  unpublished: '待发布 {count} 个事件',
  waiting: '{count} 个事件在等待前序事件',
  files: '文件夹中共 {count} 个文件',
  failedTitle: '{count} 个文件未通过校验（未被采用）',
  error: '上次同步失败：{reason}',
  done: '已同步：发布 {published} 个事件，读取 {read} 个事件包，新增 {events} 个事件。',
  shell: {
    ok: '已同步 {time}',
    never: '未同步',
    failed: '{count} 个文件校验失败',
    title: '同步文件夹：{folder}',
  },
}

export const syncErrors = {
  inside_data: '同步文件夹 {folder} 与数据文件夹 {data} 不能相互包含：同步工具会损坏数据文件夹。请另选一个文件夹。',
  not_found: '同步文件夹 {folder} 不存在或不是文件夹（共享是否已连接？）。',
  io: '无法读写同步文件夹中的 {path}（共享是否已连接？）。',
  incomplete: '文件 {name} 的内容与其名称（摘要）不符：它已损坏，或复制尚未完成；未被采用，每次同步都会重新检查。',
  not_pack: '这是供人传递的交换文件，不是同步事件包；未被采用。',
  no_folder: '尚未选择同步文件夹。',
}
