//! The console's courier on Telegram: a staff answer typed in the browser goes to the person's chat through
//! the same client (and sending budget) as the bot's replies, and an evidence file is fetched with
//! `getFile` and downloaded into memory when a case page shows it — never written to disk.
//! Must not touch: the console's pages; it only sends and fetches.

use super::client::Client;
use crate::channel::console::Courier;
use futures::future::BoxFuture;
use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::FileId;

/// The largest file the Bot API lets a bot download (20 MB): anything larger is refused, not buffered.
const MAX_FILE: u32 = 20 * 1024 * 1024;

pub struct TelegramCourier {
    client: Client,
    bot: Bot,
}

impl TelegramCourier {
    pub fn new(client: Client, bot: Bot) -> TelegramCourier {
        TelegramCourier { client, bot }
    }
}

impl Courier for TelegramCourier {
    fn deliver(&self, owner: &str, text: String) -> BoxFuture<'static, Result<(), String>> {
        let (client, chat) = (self.client.clone(), super::chat_of(owner));
        Box::pin(async move {
            let chat = chat.ok_or("the person is not a Telegram user")?;
            // The error's text may quote what was sent: only its kind is passed on.
            client.send(chat, text, None).await.map_err(|e| super::error_log::kind_of(&e).to_string())
        })
    }

    fn fetch(&self, reference: &str) -> BoxFuture<'static, Result<(Vec<u8>, String), String>> {
        let (bot, id) = (self.bot.clone(), FileId(reference.to_string()));
        Box::pin(async move {
            // Error texts of downloads hold the file's address, and with it the bot token: kinds only.
            let file = bot.get_file(id).await.map_err(|e| super::error_log::kind_of(&e).to_string())?;
            if file.size > MAX_FILE {
                return Err("the file is larger than the Bot API lets a bot download".into());
            }
            let mut bytes = Vec::with_capacity(file.size as usize);
            bot.download_file(&file.path, &mut bytes).await.map_err(|_| "the download failed".to_string())?;
            Ok((bytes, media_type(&file.path).to_string()))
        })
    }
}

/// The media type of a file Telegram stores at `path`, by its extension (Telegram keeps photos as .jpg).
fn media_type(path: &str) -> &'static str {
    match path.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn photos_are_images_and_anything_else_is_bytes() {
        assert_eq!(super::media_type("photos/file_1.jpg"), "image/jpeg");
        assert_eq!(super::media_type("documents/x.PNG"), "image/png");
        assert_eq!(super::media_type("documents/x.html"), "application/octet-stream");
        assert_eq!(super::media_type("noext"), "application/octet-stream");
    }
}
