// The cadre's photo: JPEG or PNG up to 5 MB, sent as the raw request body.
import { useState } from 'react';
import { App, Button, Space, Upload } from 'antd';
import { UploadOutlined, DeleteOutlined } from '@ant-design/icons';
import { cadresApi } from '../../api/cadres';
import { errorMessage } from '../../api/client';

const MAX = 5 * 1024 * 1024;

export function PhotoUpload({
  cadreId,
  hasPhoto,
  photoKey,
  onChanged,
}: {
  cadreId: number;
  hasPhoto: boolean;
  photoKey: number;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    if (!['image/jpeg', 'image/png'].includes(file.type)) {
      message.error('照片须为 JPG 或 PNG 格式');
      return;
    }
    if (file.size > MAX) {
      message.error('照片不能超过 5 MB');
      return;
    }
    setBusy(true);
    try {
      await cadresApi.uploadPhoto(cadreId, file);
      message.success('照片已上传');
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await cadresApi.removePhoto(cadreId);
      message.success('照片已删除');
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="rmb-photo" style={{ width: 128, marginBottom: 12 }}>
        {hasPhoto ? (
          <img src={`${cadresApi.photoUrl(cadreId, photoKey)}`} alt="照片" data-testid="photo-preview" />
        ) : (
          <div className="rmb-photo-empty">暂无照片</div>
        )}
      </div>
      <Space orientation="vertical">
        <Upload
          accept="image/jpeg,image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="photo-upload">
            {hasPhoto ? '更换照片' : '上传照片'}
          </Button>
        </Upload>
        {hasPhoto && (
          <Button icon={<DeleteOutlined />} danger disabled={busy} onClick={remove}>
            删除照片
          </Button>
        )}
        <div className="muted" style={{ fontSize: 12 }}>
          彩色免冠正面照，宽高比 4:5，JPG 或 PNG，不超过 5 MB。照片立即保存。
        </div>
      </Space>
    </div>
  );
}
