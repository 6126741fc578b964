import type zhCN from './zh-CN'

/** MessageSchema is the shape of every catalogue: zh-CN is the reference. */
export type MessageSchema = typeof zhCN
