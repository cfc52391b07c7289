import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Button } from '@material-ui/core';
import { Story } from '@internal/plugin-tracing-adoption-common';
import { useState } from 'react';
import { storiesApiRef } from '../../api/StoriesApi';

/** Likes or unlikes a published story; the count comes from the server. */
export const LikeButton = ({ story }: { story: Story }) => {
  const api = useApi(storiesApiRef);
  const alertApi = useApi(alertApiRef);
  const [likes, setLikes] = useState({
    likes: story.likes,
    likedByMe: story.likedByMe,
  });
  const [busy, setBusy] = useState(false);

  if (story.status !== 'published' || story.deleted) {
    return null;
  }
  const toggle = async () => {
    setBusy(true);
    try {
      setLikes(await api.setLiked(story.id, !likes.likedByMe));
    } catch (error) {
      alertApi.post({
        message: `Could not save your like: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      color={likes.likedByMe ? 'secondary' : 'default'}
      aria-pressed={likes.likedByMe}
      aria-label={`${likes.likedByMe ? 'Unlike' : 'Like'} "${story.title}"`}
      disabled={busy}
      onClick={toggle}
    >
      {likes.likedByMe ? '♥' : '♡'} {likes.likes}
    </Button>
  );
};
